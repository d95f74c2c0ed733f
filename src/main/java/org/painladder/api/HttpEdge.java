package org.painladder.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.painladder.api.problem.CorrelationId;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;

/**
 * What every HTTP request goes through before it reaches a resource: a correlation id for logs and problem bodies,
 * and the body-size limit, answered as problem+json before the body is read.
 */
@ApplicationScoped
public class HttpEdge {

    private final long maxBodyBytes;
    private final ObjectMapper objectMapper;

    HttpEdge(@ConfigProperty(name = "painladder.http.max-body-bytes") long maxBodyBytes, ObjectMapper objectMapper) {
        this.maxBodyBytes = maxBodyBytes;
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::tagAndLimit);
    }

    private void tagAndLimit(RoutingContext context) {
        String correlationId = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HEADER));
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        context.put(CorrelationId.MDC_KEY, correlationId);
        context.response().putHeader(CorrelationId.HEADER, correlationId);

        String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && exceedsLimit(contentLength)) {
            Problem problem = ProblemType.PAYLOAD_TOO_LARGE.problem(
                    "The body is larger than the " + maxBodyBytes + "-byte limit");
            try {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(objectMapper.writeValueAsString(problem));
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                context.fail(impossible);
            }
            return;
        }
        context.next();
    }

    private boolean exceedsLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
