package org.painladder.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.painladder.api.problem.ProblemType;

/**
 * Per-principal rate limit: a caller over its budget gets 429 problem+json with {@code Retry-After}, before any data
 * is touched. Runs after authentication, so callers are told apart by their verified identity, not by what they claim.
 * Refused requests are audited in aggregate, one event per caller per window ({@link RefusedRequests}).
 */
@Singleton
public class RateLimit {

    private final boolean enabled;
    private final TokenBuckets buckets;
    private final SecurityIdentity identity;
    private final RefusedRequests refusedRequests;

    RateLimit(@ConfigProperty(name = "painladder.security.rate-limit.enabled") boolean enabled,
              @ConfigProperty(name = "painladder.security.rate-limit.requests-per-minute") int requestsPerMinute,
              @ConfigProperty(name = "painladder.security.rate-limit.burst") int burst,
              SecurityIdentity identity, RefusedRequests refusedRequests) {
        this.enabled = enabled;
        this.buckets = new TokenBuckets(requestsPerMinute, burst, System::nanoTime);
        this.identity = identity;
        this.refusedRequests = refusedRequests;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    Response limit(HttpServerRequest request) {
        if (!enabled || identity.isAnonymous()) {
            return null;
        }
        String caller = identity.getPrincipal().getName();
        long retryAfterSeconds = buckets.take(caller);
        if (retryAfterSeconds == 0) {
            return null;
        }
        refusedRequests.count(caller, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.problem("Too many requests from "
                        + "this caller; retry after " + retryAfterSeconds + " s").toResponse())
                .header("Retry-After", retryAfterSeconds)
                .build();
    }
}
