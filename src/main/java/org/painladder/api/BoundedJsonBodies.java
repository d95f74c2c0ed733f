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
 * Every JSON body, of /api and of /fhir alike, passes {@link JsonBounds} before any parser (Jackson's data binding,
 * HAPI FHIR's) sees it, so a hostile number or shape is a 400 naming the field, never minutes of work or a 500.
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
