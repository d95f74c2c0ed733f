package org.painladder.api.problem;

import java.net.URI;

/** The kinds of problem the API answers with; each has a stable type URI documented in the README. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request is not well-formed"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "The request conflicts with the stored state"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    VALIDATION_FAILED(422, "validation-failed", "The request is well-formed but clinically invalid"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL_ERROR(500, "internal-error", "Unexpected server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String BASE = "https://painladder.org/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The 500 answer: no detail of the failure, only the id under which the server logged it. */
    public static Problem unexpectedFailure(String correlationId) {
        return INTERNAL_ERROR.problem("The service failed unexpectedly; quote correlation id " + correlationId
                + " to its operators");
    }

    public Problem problem(String detail) {
        return new Problem(type, title, status, detail, null, CorrelationId.current(), null);
    }

    public Problem problem(String detail, java.util.List<Problem.FieldViolation> violations) {
        return new Problem(type, title, status, detail, null, CorrelationId.current(), violations);
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
