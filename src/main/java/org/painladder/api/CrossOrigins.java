package org.painladder.api;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cross-origin calls {@code quarkus.http.cors.*} allows, read as Quarkus's CORS filter reads them: a configured
 * origin (or {@code /regex/}), the service's own origin, and then only the configured methods. The filter refuses the
 * others with an empty 403; {@link HttpEdge} refuses them first, with a problem naming the origin or the method, and
 * the filter still writes the Access-Control-* headers of the calls it allows.
 */
@ApplicationScoped
class CrossOrigins {

    private final boolean enabled;
    private final Optional<List<String>> origins;
    private final List<Pattern> originPatterns;
    private final boolean anyOrigin;
    private final Set<String> methods;

    CrossOrigins(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
                 @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
                 @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.enabled = enabled;
        this.origins = origins;
        this.originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        this.anyOrigin = origins.map(list -> list.contains("*") || list.contains("/.*/")).orElse(false);
        this.methods = CORSFilter.isConfiguredWithWildcard(methods) ? Set.of() : methods.orElseThrow().stream()
                .map(method -> method.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the request is refused as a cross-origin call, or null when it is none or is allowed. */
    String refusal(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!enabled || origin == null) {
            return null;
        }
        boolean allowed = anyOrigin || origins.map(list -> list.contains(origin)).orElse(false)
                || CORSFilter.isOriginAllowedByRegex(originPatterns, origin) || isSameOrigin(request, origin);
        if (!allowed) {
            return "Cross-origin calls from " + origin + " are not allowed";
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (preflight || methods.isEmpty() || methods.contains(request.method().name())) {
            return null;
        }
        return "Cross-origin calls may use " + methods.stream().sorted().collect(Collectors.joining(", "))
                + ", not " + request.method().name();
    }

    /** The Origin is the service's own (a dashboard form posting to its page): scheme, host and port alike. */
    private static boolean isSameOrigin(HttpServerRequest request, String origin) {
        String requested = request.absoluteURI();
        if (requested == null) {
            return false;
        }
        try {
            URI from = new URI(origin);
            URI to = new URI(requested);
            return from.getScheme() != null && from.getHost() != null
                    && (from.getRawPath() == null || from.getRawPath().isEmpty()) && from.getRawQuery() == null
                    && from.getScheme().equalsIgnoreCase(to.getScheme()) && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from) == port(to);
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
