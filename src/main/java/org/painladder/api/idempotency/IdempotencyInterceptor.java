package org.painladder.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.api.problem.ProblemType;
import org.painladder.domain.digest.Sha256;
import org.painladder.persistence.IdempotencyKeys;

/**
 * Replays the first answer to a retried POST. The key is claimed before the request runs (a concurrent duplicate gets
 * 409 and may retry), the answer is kept once the request succeeded, and a failed request releases the key. Keys are
 * per caller, so two EHR interfaces cannot collide, and a key reused for a different request is refused (422).
 * It runs inside Bean Validation (4800): an invalid body is answered with its violations whatever its key, so the
 * sender learns what to fix rather than that the key was used.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final IdempotencyKeys keys;
    private final CurrentVertxRequest currentRequest;
    private final SecurityIdentity identity;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration retention;

    IdempotencyInterceptor(IdempotencyKeys keys, CurrentVertxRequest currentRequest, SecurityIdentity identity,
                           ObjectMapper objectMapper, Clock clock,
                           @ConfigProperty(name = "painladder.idempotency.retention", defaultValue = "PT24H")
                           Duration retention) {
        this.keys = keys;
        this.currentRequest = currentRequest;
        this.identity = identity;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.retention = retention;
    }

    @AroundInvoke
    Object replayOrRun(InvocationContext invocation) throws Exception {
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!SAFE_KEY.matcher(key).matches()) {
            throw problem(ProblemType.MALFORMED_REQUEST, HEADER + " must be 1-128 letters, digits or . _ : -");
        }
        String principal = identity.getPrincipal().getName();
        String fingerprint = fingerprint(request.method().name() + " " + request.path(), invocation.getParameters());
        Optional<IdempotencyKeys.Remembered> earlier = keys.claim(principal, key, fingerprint, clock.instant(), retention);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        try {
            Object answer = invocation.proceed();
            if (answer instanceof Response response && response.getStatus() < 300) {
                keys.complete(principal, key, new IdempotencyKeys.Answer(response.getStatus(), body(response),
                        response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString(),
                        response.getLocation() == null ? null : response.getLocation().toString(),
                        response.getEntityTag() == null ? null : response.getEntityTag().toString()));
            } else {
                keys.release(principal, key);
            }
            return answer;
        } catch (Exception | Error failure) {
            keys.release(principal, key);
            throw failure;
        }
    }

    private static Response replay(IdempotencyKeys.Remembered earlier, String fingerprint) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw problem(ProblemType.VALIDATION_FAILED, HEADER + " was already used for a different request;"
                    + " use a new key for a new request");
        }
        if (earlier.inProgress()) {
            throw problem(ProblemType.CONFLICT, "A request with this " + HEADER + " is still being processed;"
                    + " retry shortly");
        }
        IdempotencyKeys.Answer first = earlier.answer();
        Response.ResponseBuilder answer = Response.status(first.status())
                .entity(first.body())
                .type(first.contentType())
                .header(REPLAYED_HEADER, "true");
        if (first.location() != null) {
            answer.header(HttpHeaders.LOCATION, first.location());
        }
        if (first.entityTag() != null) {
            answer.header(HttpHeaders.ETAG, first.entityTag());
        }
        return answer.build();
    }

    /** A text entity (a FHIR resource the resource encoded itself) is kept as sent: writing it as JSON would quote it. */
    private String body(Response response) throws JsonProcessingException {
        return response.getEntity() instanceof String text ? text : objectMapper.writeValueAsString(response.getEntity());
    }

    /**
     * Method, path, the body and the headers the method reads (If-Match): enough to tell a retry from a different
     * request under one key. A body read as text (FHIR, CDS Hooks) counts as sent; a bound one as its JSON.
     */
    private String fingerprint(String target, Object[] parameters) throws JsonProcessingException {
        StringBuilder canonical = new StringBuilder(target);
        for (Object parameter : parameters) {
            if (parameter instanceof String text) {
                canonical.append('\n').append(text);
            } else if (parameter instanceof Record || parameter instanceof JsonNode) {
                canonical.append('\n').append(objectMapper.writeValueAsString(parameter));
            }
        }
        return Sha256.hex(canonical.toString());
    }

    private static WebApplicationException problem(ProblemType type, String detail) {
        return new WebApplicationException(type.problem(detail).toResponse());
    }
}
