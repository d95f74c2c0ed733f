package org.painladder.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditOutcome;
import org.painladder.persistence.AuditEvents;

/**
 * A budget of failed authentications per client address, checked before any token is verified: every request to
 * the API that ends in 401 spends one; once an address has none left, its requests are refused with 429 and
 * {@code Retry-After} before their token is even read, so a flood costs neither signature checks nor audit writes.
 * Refused requests are counted per address and written to the audit trail as one event per address per
 * {@code audit-window}, with the count. Authenticated callers that never fail spend nothing here; their own budget is
 * {@link RateLimit}. Behind a reverse proxy, configure {@code quarkus.http.proxy.*} so that the address is the
 * client's, not the proxy's.
 */
@ApplicationScoped
public class AddressLimit {

    private static final Logger LOG = Logger.getLogger(AddressLimit.class);
    static final String REFUSED_REQUESTS = "requests";

    /** Refusals of one address since its window opened. */
    private record Refusals(Instant since, LongAdder count) {
    }

    private final boolean enabled;
    private final TokenBuckets failures;
    private final Duration auditWindow;
    private final AuditEvents auditEvents;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final String chainId;
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();
    private ScheduledExecutorService schedule;

    AddressLimit(@ConfigProperty(name = "painladder.security.address-limit.enabled") boolean enabled,
                 @ConfigProperty(name = "painladder.security.address-limit.requests-per-minute") int requestsPerMinute,
                 @ConfigProperty(name = "painladder.security.address-limit.burst") int burst,
                 @ConfigProperty(name = "painladder.security.address-limit.audit-window") Duration auditWindow,
                 @ConfigProperty(name = "painladder.audit.chain-id") String chainId,
                 AuditEvents auditEvents, ObjectMapper objectMapper, Clock clock) {
        this.enabled = enabled;
        this.failures = new TokenBuckets(requestsPerMinute, burst, System::nanoTime);
        this.auditWindow = auditWindow;
        this.chainId = chainId;
        this.auditEvents = auditEvents;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** After the correlation id and body limit (order -1000), before any resource, so before authentication. */
    void install(@Observes Router router) {
        router.route().order(-990).handler(this::admit);
    }

    void onStart(@Observes StartupEvent start) {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refused-flood-audit");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::auditRefusalsQuietly, auditWindow.toMillis(), auditWindow.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (schedule != null) {
            schedule.shutdown();
        }
        auditRefusalsQuietly();
    }

    private void admit(RoutingContext context) {
        if (!enabled || !SecurityHeaders.servesClinicalData(context.request().path())
                || context.request().remoteAddress() == null) {
            context.next();
            return;
        }
        String address = context.request().remoteAddress().hostAddress();
        long retryAfterSeconds = failures.waitFor(address);
        if (retryAfterSeconds > 0) {
            refuse(context, address, retryAfterSeconds);
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                failures.take(address);
            }
        });
        context.next();
    }

    private void refuse(RoutingContext context, String address, long retryAfterSeconds) {
        // Counted inside compute, so that a count never lands in a window that auditRefusals has already written.
        refusals.compute(address, (key, window) -> {
            Refusals counting = window == null ? new Refusals(clock.instant(), new LongAdder()) : window;
            counting.count().increment();
            return counting;
        });
        Problem problem = ProblemType.TOO_MANY_REQUESTS.problem("Too many failed authentications from this address;"
                + " retry after " + retryAfterSeconds + " s");
        try {
            context.response().setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Long.toString(retryAfterSeconds))
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            context.fail(impossible);
        }
    }

    /** Writes one audit event per address refused since the last call, with how many requests it sent. */
    public void auditRefusals() {
        for (String address : refusals.keySet()) {
            Refusals window = refusals.remove(address);
            if (window == null) {
                continue;
            }
            long count = window.count().sum();
            Access flood = new Access(AuditTrail.ANONYMOUS, null, address, AuditAction.REQUEST, REFUSED_REQUESTS,
                    null, null, AuditOutcome.DENIED, 429, null, (int) Math.min(Integer.MAX_VALUE, count));
            QuarkusTransaction.requiringNew().run(() -> auditEvents.record(AuditChain.pending(flood,
                    UUID.randomUUID(), chainId, window.since())));
        }
    }

    private void auditRefusalsQuietly() {
        try {
            auditRefusals();
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Could not write the audit events of refused floods");
        }
    }
}
