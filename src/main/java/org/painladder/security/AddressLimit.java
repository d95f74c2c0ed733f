package org.painladder.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;

/**
 * A budget of failed authentications per client address, checked before any token is verified: every request to
 * the API that ends in 401 spends one; once an address has none left, its requests are refused with 429 and
 * {@code Retry-After} before their token is even read, so a flood costs neither signature checks nor audit writes.
 * Refused requests are written to the audit trail in aggregate by {@link RefusedRequests}. Authenticated callers
 * that never fail spend nothing here; their own budget is {@link RateLimit}. Behind a reverse proxy, configure {@code quarkus.http.proxy.*} so that the address is the
 * client's, not the proxy's.
 */
@ApplicationScoped
public class AddressLimit {

    private final boolean enabled;
    private final TokenBuckets failures;
    private final RefusedRequests refusedRequests;
    private final ObjectMapper objectMapper;

    AddressLimit(@ConfigProperty(name = "painladder.security.address-limit.enabled") boolean enabled,
                 @ConfigProperty(name = "painladder.security.address-limit.requests-per-minute") int requestsPerMinute,
                 @ConfigProperty(name = "painladder.security.address-limit.burst") int burst,
                 RefusedRequests refusedRequests, ObjectMapper objectMapper) {
        this.enabled = enabled;
        this.failures = new TokenBuckets(requestsPerMinute, burst, System::nanoTime);
        this.refusedRequests = refusedRequests;
        this.objectMapper = objectMapper;
    }

    /** After the correlation id and body limit (order -1000), before any resource, so before authentication. */
    void install(@Observes Router router) {
        router.route().order(-990).handler(this::admit);
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
        refusedRequests.count(AuditTrail.ANONYMOUS, address);
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
}
