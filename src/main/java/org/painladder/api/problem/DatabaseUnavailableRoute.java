package org.painladder.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The same 503 as {@link DatabaseUnavailableMapper} for a database failure that escapes the REST layer's mappers: one
 * raised after the resource answered, while a response filter still writes (the audit event of the request). Without
 * it the caller of a service whose database is down would get a 500 for what is an outage.
 */
@ApplicationScoped
public class DatabaseUnavailableRoute {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableRoute.class);

    private final ObjectMapper objectMapper;

    DatabaseUnavailableRoute(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.route().order(-900).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || !DatabaseUnavailableMapper.isConnectionFailure(context.failure())) {
            context.next();
            return;
        }
        LOG.warnf("Database unavailable (correlation id %s) while %s %s was answered: %s", CorrelationId.current(),
                context.request().method(), context.request().path(), context.failure().toString());
        try {
            String body = objectMapper.writeValueAsString(DatabaseUnavailableMapper.problem());
            response.headers().remove(HttpHeaders.LOCATION).remove(HttpHeaders.ETAG);
            response.setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(DatabaseUnavailableMapper.RETRY_AFTER_SECONDS))
                    .end(body);
        } catch (JsonProcessingException impossible) {
            context.next();
        }
    }
}
