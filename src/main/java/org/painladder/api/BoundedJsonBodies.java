package org.painladder.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;

/**
 * Every JSON body, of /api, /fhir and /cds-services alike, is checked to be UTF-8 ({@link Utf8Bodies}) and passes
 * {@link JsonBounds} before any parser (Jackson's data binding, HAPI FHIR's) sees it, so a hostile number or shape is
 * a 400 naming the field, never minutes of work or a 500, and no byte is read as another character than it encodes.
 */
@Provider
public class BoundedJsonBodies implements ReaderInterceptor {

    /** A FHIR resource's type, so that paths read as FHIRPath: Observation.valueInteger. */
    private static final Pattern FHIR_RESOURCE = Pattern.compile("^/fhir/r4/([A-Z][A-Za-z]{1,63})(/.*)?$");

    private final long maxBodyBytes;
    private final CurrentVertxRequest currentRequest;

    BoundedJsonBodies(@ConfigProperty(name = "painladder.http.max-body-bytes") long maxBodyBytes,
                      CurrentVertxRequest currentRequest) {
        this.maxBodyBytes = maxBodyBytes;
        this.currentRequest = currentRequest;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        String charset = context.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new WebApplicationException(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("JSON is UTF-8 (RFC 8259):"
                    + " send the body in UTF-8, with charset=utf-8 or no charset parameter").toResponse());
        }
        byte[] body;
        try {
            body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException hungUp) {
            // The client closed the connection or stopped sending: its failure, which no one is left to read.
            throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(
                    "The body ended before its declared length: the connection closed or stalled").toResponse());
        }
        if (body.length > maxBodyBytes) {
            throw new WebApplicationException(ProblemType.PAYLOAD_TOO_LARGE
                    .problem("The body is larger than the " + maxBodyBytes + "-byte limit").toResponse());
        }
        String notUtf8 = Utf8Bodies.whyNotUtf8(body);
        if (notUtf8 != null) {
            throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(
                    "The body is not valid UTF-8: " + notUtf8,
                    List.of(new Problem.FieldViolation(JsonBounds.WHOLE_BODY, "is not valid UTF-8: " + notUtf8)))
                    .toResponse());
        }
        try {
            JsonBounds.check(body, prefix());
        } catch (JsonBounds.OutOfBounds refused) {
            throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(
                    refused.field() + " " + refused.getMessage(),
                    List.of(new Problem.FieldViolation(refused.field(), refused.getMessage()))).toResponse());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private String prefix() {
        String path = currentRequest.getCurrent() == null ? "" : currentRequest.getCurrent().request().path();
        Matcher fhir = FHIR_RESOURCE.matcher(path == null ? "" : path);
        return fhir.matches() ? fhir.group(1) + "." : "";
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }
}
