package org.painladder.app;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.Checkpoint;
import org.painladder.domain.audit.CheckpointLog;
import org.painladder.persistence.AuditEvents;

/**
 * Seals this replica's pending audit events into its chain every {@code painladder.audit.seal-interval}, and every
 * {@code painladder.audit.checkpoint-interval} writes a signed checkpoint of each chain's head to the checkpoint log
 * outside the database. Requests never wait for either: they only insert their event.
 */
@ApplicationScoped
public class SealingAuditTrail {

    private static final Logger LOG = Logger.getLogger(SealingAuditTrail.class);
    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int BATCH = 500;

    private final AuditEvents auditEvents;
    private final AuditKeys keys;
    private final CheckpointLog checkpointLog;
    private final Clock clock;
    private final String chainId;
    private final Duration sealInterval;
    private final Duration checkpointInterval;
    private final Map<String, Long> checkpointed = new HashMap<>();
    private final Set<String> opened = new HashSet<>();
    private ScheduledExecutorService schedule;

    SealingAuditTrail(AuditEvents auditEvents, AuditKeys keys, CheckpointLog checkpointLog, Clock clock,
                      @ConfigProperty(name = "painladder.audit.chain-id") String chainId,
                      @ConfigProperty(name = "painladder.audit.seal-interval") Duration sealInterval,
                      @ConfigProperty(name = "painladder.audit.checkpoint-interval") Duration checkpointInterval) {
        if (!CHAIN_ID.matcher(chainId).matches()) {
            throw new IllegalStateException("painladder.audit.chain-id must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        this.auditEvents = auditEvents;
        this.keys = keys;
        this.checkpointLog = checkpointLog;
        this.clock = clock;
        this.chainId = chainId;
        this.sealInterval = sealInterval;
        this.checkpointInterval = checkpointInterval;
    }

    void onStart(@Observes StartupEvent start) {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> quietly(this::sealPending), sealInterval.toMillis(),
                sealInterval.toMillis(), TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(() -> quietly(this::checkpoint), checkpointInterval.toMillis(),
                checkpointInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (schedule != null) {
            schedule.shutdown();
        }
        quietly(this::checkpoint);
    }

    /** The chain this replica seals its events into. */
    public String chainId() {
        return chainId;
    }

    /** Seals every event of this replica's chain written so far. */
    public void sealPending() {
        seal(chainId);
    }

    /** Seals every pending event of the given chain (a replica's sealer only ever seals its own). */
    public void seal(String chain) {
        open(chain);
        while (auditEvents.sealPending(chain, keys, BATCH) == BATCH) {
            LOG.debugf("Sealed a batch of %d audit events of chain %s", BATCH, chain);
        }
    }

    private void open(String chain) {
        synchronized (opened) {
            if (opened.contains(chain)) {
                return;
            }
            try {
                auditEvents.openChain(chain);
            } catch (RuntimeException openedByAnotherReplica) {
                LOG.debugf("Audit chain %s was opened by another replica", chain);
            }
            opened.add(chain);
        }
    }

    /** Seals what is pending, then records where every chain ends now, unless a checkpoint already says so. */
    public synchronized void checkpoint() {
        sealPending();
        for (AuditEvents.ChainHead head : auditEvents.chains()) {
            if (head.lastSeq() > 0 && !Long.valueOf(head.lastSeq()).equals(checkpointed.get(head.chainId()))) {
                checkpointLog.append(Checkpoint.of(head.chainId(), head.lastSeq(), head.lastHash(), clock.instant(),
                        keys));
                checkpointed.put(head.chainId(), head.lastSeq());
            }
        }
    }

    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failure) {
            // Pending events stay pending and are sealed on the next run; the trail loses nothing.
            LOG.errorf(failure, "Sealing or checkpointing the audit trail failed; retrying at the next interval");
        }
    }
}
