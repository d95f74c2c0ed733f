package org.painladder.api.problem;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that could not reach the database (it is down, restarting, or every pooled connection stayed busy past
 * the acquisition timeout) answers 503 problem+json with {@code Retry-After}: the caller did nothing wrong and should
 * send the same request again. Should the connection have broken during the commit itself, the retry is still safe:
 * an assessment's externalId and a POST's Idempotency-Key make it answer the stored result instead of a second one.
 * Any other persistence failure is answered as {@link ProblemMappers} answers every unexpected failure: a lost race
 * for a row 409, a value the database refused 422, anything else 500.
 */
public class DatabaseUnavailableMapper {

    /** Seconds a caller is asked to wait: about the time the service needs to see the database again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response persistence(PersistenceException failure) {
        return answer(failure);
    }

    @ServerExceptionMapper
    public Response jdbc(SQLException failure) {
        return answer(failure);
    }

    /** What a {@code @Transactional} method throws when its commit or rollback failed underneath. */
    @ServerExceptionMapper
    public Response transactional(TransactionalException failure) {
        return answer(failure);
    }

    /** A checked failure (a rolled-back commit) that left an intercepted method. */
    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException failure) {
        return answer(failure);
    }

    static Response answer(Throwable failure) {
        if (!isConnectionFailure(failure)) {
            return ProblemMappers.unexpectedOrRefused(failure);
        }
        LOG.warnf("Database unavailable (correlation id %s): %s", CorrelationId.current(), rootMessage(failure));
        return Response.fromResponse(problem().toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static Problem problem() {
        return ProblemType.SERVICE_UNAVAILABLE.problem("The database cannot be reached just now; send the same request"
                + " again after " + RETRY_AFTER_SECONDS + " seconds");
    }

    /**
     * Somewhere in the cause chain: a connection exception (SQLState class 08), the server shutting down or starting
     * (57P01–57P03), the JDBC connection exception types, or the pool's acquisition timeout, which has no SQLState.
     * Public for code that answers on its own after a failed commit: an outage there is a 503 as well.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (state == null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
