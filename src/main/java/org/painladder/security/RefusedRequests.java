package org.painladder.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.AuditOutcome;
import org.painladder.persistence.AuditEvents;
import org.painladder.persistence.TimeOrderedIds;

/**
 * Requests refused with 429 by a rate limit, counted per caller (actor and address) and written to the audit trail
 * as one event per caller per {@code painladder.security.address-limit.audit-window}, with the count: a flood leaves
 * a trace of its size without one row per request.
 */
@ApplicationScoped
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);
    static final String RESOURCE = "requests";

    private record Caller(String actor, String client) {
    }

    private record Window(Instant since, LongAdder count) {
    }

    private final Map<Caller, Window> windows = new ConcurrentHashMap<>();
    private final AuditEvents auditEvents;
    private final AuditKeys keys;
    private final Clock clock;
    private final String chainId;
    private final Duration auditWindow;
    private ScheduledExecutorService schedule;

    RefusedRequests(AuditEvents auditEvents, AuditKeys keys, Clock clock,
                    @ConfigProperty(name = "painladder.audit.chain-id") String chainId,
                    @ConfigProperty(name = "painladder.security.address-limit.audit-window") Duration auditWindow) {
        this.auditEvents = auditEvents;
        this.keys = keys;
        this.clock = clock;
        this.chainId = chainId;
        this.auditWindow = auditWindow;
    }

    void onStart(@Observes StartupEvent start) {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refused-requests-audit");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::auditQuietly, auditWindow.toMillis(), auditWindow.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (schedule != null) {
            schedule.shutdown();
        }
        auditQuietly();
    }

    /** One more request refused for this caller in the current window. */
    void count(String actor, String client) {
        // Counted inside compute, so that a count never lands in a window that audit() has already written.
        windows.compute(new Caller(actor, client), (caller, window) -> {
            Window counting = window == null ? new Window(clock.instant(), new LongAdder()) : window;
            counting.count().increment();
            return counting;
        });
    }

    /** Writes one audit event per caller refused since the last call, with how many requests it sent. */
    public void audit() {
        for (Caller caller : windows.keySet()) {
            Window window = windows.remove(caller);
            if (window == null) {
                continue;
            }
            Access refused = new Access(caller.actor(), null, caller.client(), AuditAction.REQUEST, RESOURCE, null,
                    null, AuditOutcome.DENIED, 429, null, (int) Math.min(Integer.MAX_VALUE, window.count().sum()));
            QuarkusTransaction.requiringNew().run(() -> auditEvents.record(AuditChain.pending(refused,
                    TimeOrderedIds.next(), chainId, window.since(), keys)));
        }
    }

    private void auditQuietly() {
        try {
            audit();
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Could not write the audit events of refused requests; they are written next window");
        }
    }
}
