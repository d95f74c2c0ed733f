package org.painladder.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.painladder.api.problem.CorrelationId;
import org.painladder.api.problem.DatabaseUnavailableMapper;
import org.painladder.api.problem.ErrorBodyFormat;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.api.problem.ScrubbedFailure;
import org.painladder.security.SecurityHeaders;

/**
 * What every HTTP request goes through before it reaches a resource: a correlation id for logs and problem bodies,
 * and the limits of the HTTP layer (body size, URI length and syntax, header size, a body without a content type),
 * answered as problem+json (an OperationOutcome under /fhir) before the body is read. Every client error is logged
 * here as one line, without its body, its query string or a stack trace.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    /** The request line limits of the HTTP codec are set above these, so that these answer with a body. */
    static final int MAX_URI_CHARS = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Path segments safe to log: words of the API and ids issued here, never an identifier the caller made up. */
    private static final Pattern LOGGABLE_SEGMENT = Pattern.compile(
            "[A-Za-z-]{1,40}|v[0-9]|r4|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SPACE_AROUND_SEMICOLON = Pattern.compile("[ \\t]*;[ \\t]*");
    private static final Map<Integer, String> EDGE_DETAILS = Map.of(
            413, "The body is larger than the service accepts",
            414, "The request URI is longer than " + MAX_URI_CHARS + " characters",
            415, "Send the body with a Content-Type: application/json (application/fhir+json under /fhir)",
            431, "The request headers are larger than " + MAX_HEADER_BYTES + " bytes");

    private final long maxBodyBytes;
    private final ObjectMapper objectMapper;
    private final Instance<ErrorBodyFormat> errorBodyFormats;
    private final ResourceMethods resourceMethods;
    private final CrossOrigins crossOrigins;

    HttpEdge(@ConfigProperty(name = "painladder.http.max-body-bytes") long maxBodyBytes, ObjectMapper objectMapper,
             Instance<ErrorBodyFormat> errorBodyFormats, ResourceMethods resourceMethods, CrossOrigins crossOrigins) {
        this.maxBodyBytes = maxBodyBytes;
        this.objectMapper = objectMapper;
        this.errorBodyFormats = errorBodyFormats;
        this.resourceMethods = resourceMethods;
        this.crossOrigins = crossOrigins;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::tagAndLimit).failureHandler(this::failed);
    }

    private void tagAndLimit(RoutingContext context) {
        String correlationId = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HEADER));
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        context.put(CorrelationId.MDC_KEY, correlationId);
        context.response().putHeader(CorrelationId.HEADER, correlationId);
        String method = context.request().method().name();
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> {
            int status = context.response().getStatusCode();
            if (status >= 400 && status < 500) {
                // Masked only when logged: the masking took 2 % of a read's CPU when done for every request.
                LOG.infof("Refused %s %s: %d", method, loggablePath(path), status);
            }
        });

        Problem refused = refusal(context);
        if (refused != null) {
            reply(context, refused.status(), refused);
            return;
        }
        MultiMap headers = context.request().headers();
        if (context.request().method() == HttpMethod.OPTIONS && !headers.contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)
                && ResourceMethods.isResourcePath(path)) {
            answerOptions(context);
            return;
        }
        String crossOriginRefusal = crossOrigins.refusal(context.request());
        if (crossOriginRefusal != null) {
            reply(context, 403, ProblemType.FORBIDDEN.problem(crossOriginRefusal));
            return;
        }
        if (!isIdentity(headers.get(HttpHeaders.CONTENT_ENCODING))) {
            // Nothing here decompresses a body (RFC 9110 §15.5.16): say which coding would be read.
            context.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            reply(context, 415, ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                    "Content-Encoding not supported: send the body uncompressed"));
            return;
        }
        if (headers.contains(HttpHeaders.IF_MATCH)) {
            // RFC 9110 §5.3: several If-Match lines are one list; the resources read one header value.
            List<String> ifMatchLines = headers.getAll(HttpHeaders.IF_MATCH);
            if (ifMatchLines.size() > 1) {
                headers.set(HttpHeaders.IF_MATCH, String.join(", ", ifMatchLines));
            }
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.indexOf(';') >= 0) {
            // RFC 9110 §5.6.6 allows whitespace around ';', which the JAX-RS media type reader takes into the subtype.
            headers.set(HttpHeaders.CONTENT_TYPE, SPACE_AROUND_SEMICOLON.matcher(contentType).replaceAll(";"));
        }
        context.next();
    }

    /**
     * OPTIONS names the methods of the path it asks about (RFC 9110 §9.3.7); a CORS preflight goes on to Quarkus's
     * CORS filter instead.
     */
    private void answerOptions(RoutingContext context) {
        resourceMethods.allowedAt(context.request().path()).ifPresentOrElse(
                allowed -> {
                    // Counted under the path's template, as a resource's answer is, never under the raw path.
                    HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
                    if (metric != null) {
                        metric.setTemplatePath(allowed.template());
                    }
                    context.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, allowed.header()).end();
                },
                () -> reply(context, 404, ProblemType.forStatus(404).problem("No resource at this path")));
    }

    /** The problem a request is refused with before anything reads it, or null. */
    private Problem refusal(RoutingContext context) {
        int status = refusedStatus(context);
        if (status != 0) {
            return ProblemType.forStatus(status).problem(EDGE_DETAILS.get(status));
        }
        String malformation = RequestTargets.malformation(context.request().uri());
        return malformation == null ? null : ProblemType.MALFORMED_REQUEST.problem(malformation);
    }

    /** The status of a request over the limits of the edge, or 0. */
    private int refusedStatus(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_CHARS) {
            return 414;
        }
        MultiMap headers = context.request().headers();
        long headerBytes = 0;
        for (Map.Entry<String, String> header : headers) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return 431;
        }
        String contentLength = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && exceedsLimit(contentLength)) {
            return 413;
        }
        boolean carriesBody = (contentLength != null && !"0".equals(contentLength.trim()))
                || headers.contains(HttpHeaders.TRANSFER_ENCODING);
        String path = context.request().path();
        if (WITH_BODY.contains(context.request().method()) && carriesBody && !headers.contains(HttpHeaders.CONTENT_TYPE)
                && (path.startsWith("/api/") || path.startsWith("/fhir/"))) {
            return 415;
        }
        return 0;
    }

    /** A failure no resource answered (a body over the limit while it streams in, a codec error): a problem too. */
    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        if (context.failure() instanceof AuthenticationFailedException
                && SecurityHeaders.isDashboardPage(context.request().path())) {
            // A failed dashboard sign-in: Quarkus's handler sends the browser back to the sign-in page.
            context.next();
            return;
        }
        if (DatabaseUnavailableMapper.isConnectionFailure(context.failure())) {
            // An outage found after the resource answered (the audit append): DatabaseUnavailableRoute's 503.
            context.next();
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(ScrubbedFailure.of(context.failure()), "Unexpected failure at the HTTP edge (correlation id %s)",
                    CorrelationId.current());
            reply(context, 500, ProblemType.unexpectedFailure(CorrelationId.current()));
            return;
        }
        reply(context, status, ProblemType.forStatus(status).problem(EDGE_DETAILS.getOrDefault(status,
                "The request cannot be handled")));
    }

    private void reply(RoutingContext context, int status, Problem problem) {
        String path = context.request().path();
        ErrorBodyFormat format = errorBodyFormats.stream().filter(candidate -> candidate.serves(path)).findFirst()
                .orElse(null);
        try {
            String body = format == null ? objectMapper.writeValueAsString(problem) : format.write(problem);
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, format == null ? Problem.MEDIA_TYPE : format.mediaType())
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body);
        } catch (JsonProcessingException impossible) {
            context.response().setStatusCode(status).end();
        }
    }

    private static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank()
                || contentEncoding.trim().equalsIgnoreCase("identity");
    }

    private boolean exceedsLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /** The path with every segment that might be a caller's identifier (an MRN typed into a URL) masked. */
    static String loggablePath(String path) {
        if (path == null) {
            return "";
        }
        String loggable = Arrays.stream(path.split("/", -1))
                .map(segment -> segment.isEmpty() || LOGGABLE_SEGMENT.matcher(segment).matches() ? segment : "*")
                .collect(Collectors.joining("/"));
        return loggable.length() > 300 ? loggable.substring(0, 300) + "…" : loggable;
    }
}
