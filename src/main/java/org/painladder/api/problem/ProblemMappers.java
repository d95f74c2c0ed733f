package org.painladder.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.resteasy.reactive.server.runtime.exceptionmappers.UnauthorizedExceptionMapper;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.painladder.api.JsonBounds;
import org.painladder.api.ResourceMethods;
import org.painladder.api.Rfc3339;
import org.painladder.api.StrictJson;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.ConflictException;
import org.painladder.app.NotFoundException;
import org.painladder.app.StaleVersionException;
import org.painladder.security.SecurityHeaders;

/**
 * Every failure leaves as RFC 9457 problem+json: never a stack trace, an SQL fragment, a class name or an HTML page.
 * Bodies that are not JSON, or hold the wrong JSON types, are 400; well-formed values the service cannot accept
 * (a score of 11, an unknown code) are 422 with one violation per field.
 */
public class ProblemMappers {

    /** The JAX-RS layer's 406 and 415 details, which the FHIR endpoint words for FHIR clients. */
    public static final String NOT_ACCEPTABLE_DETAIL = "The service answers application/json (problem+json for errors)";
    public static final String UNSUPPORTED_MEDIA_TYPE_DETAIL = "Send the body as application/json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final UnauthorizedExceptionMapper SIGN_IN_CHALLENGE = new UnauthorizedExceptionMapper();
    /** Lock wait timed out (H2, PostgreSQL), deadlock and serialization failure (PostgreSQL; H2's deadlock too). */
    private static final Set<String> CONCURRENCY_STATES = Set.of("HYT00", "55P03", "40P01", "40001");

    private final ResourceMethods resourceMethods;

    ProblemMappers(ResourceMethods resourceMethods) {
        this.resourceMethods = resourceMethods;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException failure) {
        return ProblemType.NOT_FOUND.problem(failure.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException failure) {
        return ProblemType.CONFLICT.problem(failure.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException failure) {
        return ProblemType.PRECONDITION_FAILED.problem(failure.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response clinicallyInvalid(ClinicalValidationException failure) {
        List<Problem.FieldViolation> violations = failure.violations().stream()
                .map(v -> new Problem.FieldViolation(v.field(), v.message()))
                .toList();
        return ProblemType.VALIDATION_FAILED.problem(failure.getMessage(), violations).toResponse();
    }

    /** Body constraints are 422 with the field path; query and path parameters out of range are 400. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException failure) {
        List<Problem.FieldViolation> bodyViolations = new ArrayList<>();
        List<Problem.FieldViolation> parameterViolations = new ArrayList<>();
        for (ConstraintViolation<?> violation : failure.getConstraintViolations()) {
            List<Path.Node> nodes = new ArrayList<>();
            violation.getPropertyPath().forEach(nodes::add);
            // Paths look like method.argument[.field...]: two nodes name a parameter, more name a body field.
            if (nodes.size() <= 2) {
                String parameter = nodes.get(nodes.size() - 1).getName();
                parameterViolations.add(new Problem.FieldViolation(parameter, violation.getMessage()));
            } else {
                bodyViolations.add(new Problem.FieldViolation(fieldPath(nodes.subList(2, nodes.size())),
                        violation.getMessage()));
            }
        }
        Comparator<Problem.FieldViolation> byField = Comparator.comparing(Problem.FieldViolation::field);
        if (!parameterViolations.isEmpty()) {
            parameterViolations.sort(byField);
            return ProblemType.MALFORMED_REQUEST.problem(summary(parameterViolations), parameterViolations).toResponse();
        }
        bodyViolations.sort(byField);
        return ProblemType.VALIDATION_FAILED.problem(summary(bodyViolations), bodyViolations).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException failure) {
        String detail = "is not valid JSON (line " + failure.getLocation().getLineNr() + ", column "
                + failure.getLocation().getColumnNr() + ")";
        return ProblemType.MALFORMED_REQUEST.problem("The body " + detail,
                List.of(new Problem.FieldViolation(JsonBounds.WHOLE_BODY, detail))).toResponse();
    }

    /**
     * A member the request does not have, or a value of the wrong JSON type, is 400 naming the field; a code the
     * service does not know (a string where an enum is expected) is a well-formed request with an invalid value: 422.
     */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException failure) {
        String field = fieldPath(failure);
        if (failure instanceof UnrecognizedPropertyException) {
            return ProblemType.MALFORMED_REQUEST.problem(field + " is not a field of this request",
                    List.of(new Problem.FieldViolation(field, "unknown field"))).toResponse();
        }
        if (failure instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum() && invalid.getValue() instanceof String) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            List<Problem.FieldViolation> violations = List.of(new Problem.FieldViolation(field, "must be one of " + allowed));
            return ProblemType.VALIDATION_FAILED.problem(field + " must be one of " + allowed, violations).toResponse();
        }
        if (failure instanceof StrictJson.RepeatedItem) {
            String message = "is listed twice; give each once";
            return ProblemType.VALIDATION_FAILED.problem(field + " " + message,
                    List.of(new Problem.FieldViolation(field, message))).toResponse();
        }
        // A timestamp written as a string but not as RFC 3339: say what is wrong with it (no seconds, no such zone).
        String timestampRefusal = failure instanceof InvalidFormatException invalid
                && invalid.getValue() instanceof String text && invalid.getTargetType() != null
                && java.time.temporal.Temporal.class.isAssignableFrom(invalid.getTargetType())
                ? Rfc3339.refusal(text) : null;
        if (timestampRefusal != null && !field.isEmpty()) {
            String message = timestampRefusal;
            return ProblemType.MALFORMED_REQUEST.problem(field + " " + message,
                    List.of(new Problem.FieldViolation(field, message))).toResponse();
        }
        String expected = failure.getTargetType() == null ? "another type" : describe(failure.getTargetType());
        if (field.isEmpty()) {
            field = JsonBounds.WHOLE_BODY;
            expected = failure.getTargetType() == null ? "one JSON document" : describe(failure.getTargetType());
        }
        List<Problem.FieldViolation> violations = List.of(new Problem.FieldViolation(field, "must be " + expected));
        return ProblemType.MALFORMED_REQUEST.problem(field + " has the wrong JSON type: it must be " + expected, violations)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException failure) {
        String field = fieldPath(failure);
        field = field.isEmpty() ? JsonBounds.WHOLE_BODY : field;
        if (failure.getCause() instanceof InputCoercionException outOfRange) {
            String message = "is out of range: must be a whole number" + rangeOf(outOfRange.getTargetType());
            return ProblemType.MALFORMED_REQUEST.problem(field + " " + message,
                    List.of(new Problem.FieldViolation(field, message))).toResponse();
        }
        return ProblemType.MALFORMED_REQUEST.problem("The body cannot be read at " + field,
                List.of(new Problem.FieldViolation(field, "cannot be read"))).toResponse();
    }

    /** Also a stream limit of the ObjectMapper (nesting, number or string length) and a duplicate key. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure) {
        // Quarkus REST may hand the mapping failure over inside a WebApplicationException: dispatch on what it is.
        if (failure instanceof MismatchedInputException mismatched) {
            return wrongType(mismatched);
        }
        if (failure instanceof JsonMappingException mapping) {
            return unreadableJson(mapping);
        }
        return ProblemType.MALFORMED_REQUEST.problem("The body is not valid JSON",
                List.of(new Problem.FieldViolation(JsonBounds.WHOLE_BODY, "is not valid JSON"))).toResponse();
    }

    @ServerExceptionMapper
    public Uni<Response> unauthenticated(UnauthorizedException failure, RoutingContext context) {
        return challenge(context);
    }

    @ServerExceptionMapper
    public Uni<Response> unauthenticated(AuthenticationFailedException failure, RoutingContext context) {
        return challenge(context);
    }

    /** A dashboard page asks its sign-in mechanism to challenge (a redirect to sign in); the API answers 401. */
    private static Uni<Response> challenge(RoutingContext context) {
        if (SecurityHeaders.isDashboardPage(context.normalizedPath())) {
            return SIGN_IN_CHALLENGE.handle(context);
        }
        return Uni.createFrom().item(unauthenticated());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure) {
        return ProblemType.FORBIDDEN.problem("Your role does not allow this operation").toResponse();
    }

    /** Unknown routes (404), wrong methods (405), wrong content types (415) and friends from the JAX-RS layer. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure, RoutingContext context) {
        if (failure.getResponse().getEntity() instanceof Problem) {
            return failure.getResponse();
        }
        int status = failure.getResponse().getStatus();
        if (status == 404 || status == 405) {
            // The JAX-RS layer sees only the class it routed to: a method another class serves on this path is no 404.
            Optional<ResourceMethods.Allowed> allowed = resourceMethods.allowedAt(context.normalizedPath());
            if (allowed.isPresent() && !allowed.get().methods().contains(context.request().method().name())) {
                return Response.fromResponse(ProblemType.METHOD_NOT_ALLOWED.problem(detailFor(405)).toResponse())
                        .header(HttpHeaders.ALLOW, allowed.get().header()).build();
            }
        }
        if (status >= 500) {
            return unexpected(failure);
        }
        if (failure.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        ProblemType type = ProblemType.forStatus(status);
        return type.problem(detailFor(status)).toResponse();
    }

    /**
     * A write that lost a race for a row another request held or changed is 409: the caller did nothing wrong and may
     * read again and resend. A value the database refused as data (SQLState class 22: longer than its column, out of
     * its numeric range, a character it cannot store) came from a field without a limit of its own: 422, not a 500
     * whose log line quotes the statement and the value. Anything else is logged with its stack but without the
     * failure's messages, which may quote SQL or the input.
     */
    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable failure) {
        return unexpectedOrRefused(failure);
    }

    /** Also for the persistence mappers of {@link DatabaseUnavailableMapper} when the database did answer. */
    static Response unexpectedOrRefused(Throwable failure) {
        if (isConcurrentChange(failure)) {
            LOG.warnf("A concurrent change refused a write (correlation id %s): %s", CorrelationId.current(),
                    failure.getClass().getSimpleName());
            return ProblemType.CONFLICT.problem("The record was changed or held by another request at the same"
                    + " moment; read it again and resend if the change still applies").toResponse();
        }
        if (isRefusedData(failure)) {
            return ProblemType.VALIDATION_FAILED.problem("A value cannot be stored as sent: it is longer or larger"
                    + " than its field allows, or holds a character that cannot be stored", List.of(
                    new Problem.FieldViolation(JsonBounds.WHOLE_BODY, "holds a value its field cannot store")))
                    .toResponse();
        }
        String correlationId = CorrelationId.current();
        LOG.errorf(ScrubbedFailure.of(failure), "Unexpected failure (correlation id %s)", correlationId);
        return ProblemType.unexpectedFailure(correlationId).toResponse();
    }

    /**
     * Somewhere in the cause chain (a commit's rollback included): a version check that failed, a lock wait that timed
     * out, or a deadlock or serialization failure the database broke.
     */
    private static boolean isConcurrentChange(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof OptimisticLockException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                || cause instanceof StaleStateException || cause instanceof LockAcquisitionException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                && CONCURRENCY_STATES.contains(sql.getSQLState()));
    }

    /** SQLState class 22, data exception, whatever the JPA layer wrapped around it. */
    private static boolean isRefusedData(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22"));
    }

    /** The failure or one of its first 16 causes (a cycle or a very deep chain is not walked further). */
    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthenticated() {
        return Response.fromResponse(ProblemType.UNAUTHENTICATED
                        .problem("Send Authorization: Bearer <token> with a valid, unexpired token").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"painladder\"")
                .build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support the method";
            case 406 -> NOT_ACCEPTABLE_DETAIL;
            case 415 -> UNSUPPORTED_MEDIA_TYPE_DETAIL;
            default -> Response.Status.fromStatusCode(status) == null ? "The request failed"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    private static String summary(List<Problem.FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }

    private static String fieldPath(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        // Bean Validation puts a list index on the node after the list: items, route[1] reads items[1].route.
        for (Path.Node node : nodes) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.toString();
    }

    private static String rangeOf(Class<?> type) {
        if (type == Integer.TYPE || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.TYPE || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "";
    }

    private static String fieldPath(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "a string, one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type) || type == java.util.Date.class) {
            return org.painladder.api.Rfc3339.EXPECTED;
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
