package org.painladder.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Where the worklist and the cohort statistics are read: the read replica (datasource {@code replica}, set by
 * {@code quarkus.datasource.replica.jdbc.url}) when one is configured and lags the primary by at most
 * {@code painladder.read-replica.max-lag}, otherwise the primary. Those two reads tolerate a few seconds of staleness;
 * everything a clinician acts on (a patient, a case's detail, every write) stays on the primary. The lag is checked at
 * most once a second; a replica that cannot be reached, or lags more, is skipped until it has caught up.
 */
@ApplicationScoped
public class ReplicaReads {

    /** The repositories the replicated reads use, bound to the database chosen for this read. */
    public record Readers(RefractoryCases refractoryCases, LiveStates liveStates, Procedures procedures) {
    }

    private static final String REPLICA = "replica";
    private static final Duration LAG_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ReplicaReads.class);
    /**
     * Seconds since the last transaction the replica replayed, or 0 when it has replayed all it received while
     * streaming (an idle primary sends nothing, so the replay time alone would make a caught-up replica look stale).
     */
    private static final String LAG_SECONDS = "SELECT CASE WHEN NOT pg_is_in_recovery() OR (pg_last_wal_receive_lsn()"
            + " = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'))"
            + " THEN 0 ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END";

    private final EntityManager primary;
    private final SessionFactory sessionFactory;
    private final ObjectMapper objectMapper;
    private final Optional<AgroalDataSource> replica;
    private final Duration maxLag;
    private final Clock clock;
    private volatile Instant lagCheckedAt = Instant.EPOCH;
    private volatile boolean replicaFresh;

    ReplicaReads(EntityManager primary, SessionFactory sessionFactory, ObjectMapper objectMapper, Clock clock,
                 @ConfigProperty(name = "painladder.read-replica.max-lag") Duration maxLag) {
        this.primary = primary;
        this.sessionFactory = sessionFactory;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.maxLag = maxLag;
        this.replica = AgroalDataSourceUtil.dataSourceIfActive(REPLICA);
    }

    /** Runs the read on the replica when it is configured and fresh enough, else on the primary. */
    public <T> T read(Function<Readers, T> reading) {
        if (replica.isEmpty() || !replicaFresh()) {
            return reading.apply(readers(primary));
        }
        Connection connection;
        try {
            connection = replica.get().getConnection();
        } catch (SQLException unreachable) {
            LOG.warnf("the read replica cannot be reached (%s); reading from the primary", unreachable.getMessage());
            replicaFresh = false;
            return reading.apply(readers(primary));
        }
        // The replica's connections take no part in the request's transaction: they only read, in autocommit.
        try (connection; Session session = sessionFactory.withOptions().connection(connection)
                .autoJoinTransactions(false).openSession()) {
            session.setDefaultReadOnly(true);
            return reading.apply(readers(session));
        } catch (SQLException closing) {
            throw new IllegalStateException("the read replica's connection could not be returned", closing);
        }
    }

    private Readers readers(EntityManager entityManager) {
        return new Readers(new RefractoryCases(entityManager, objectMapper), new LiveStates(entityManager),
                new Procedures(entityManager));
    }

    private boolean replicaFresh() {
        Instant now = clock.instant();
        if (lagCheckedAt.plus(LAG_CHECK_INTERVAL).isBefore(now)) {
            replicaFresh = lagWithinTolerance();
            lagCheckedAt = now;
        }
        return replicaFresh;
    }

    private boolean lagWithinTolerance() {
        try (Connection connection = replica.orElseThrow().getConnection();
             Statement statement = connection.createStatement()) {
            // Only PostgreSQL streams; another engine (an H2 copy in tests) is taken as it is.
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return true;
            }
            try (ResultSet lag = statement.executeQuery(LAG_SECONDS)) {
                lag.next();
                double seconds = lag.getDouble(1);
                boolean fresh = !lag.wasNull() && seconds * 1000 <= maxLag.toMillis();
                if (!fresh && replicaFresh) {
                    LOG.warnf("the read replica lags %.1f s, more than the %s tolerated; reading from the primary",
                            seconds, maxLag);
                }
                return fresh;
            }
        } catch (SQLException unreachable) {
            LOG.warnf("the read replica cannot be reached (%s); reading from the primary", unreachable.getMessage());
            return false;
        }
    }
}
