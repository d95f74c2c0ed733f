package org.painladder.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser-facing hardening on every response, errors included: no sniffing, no framing, no referrer, HTTPS only, a
 * Content-Security-Policy that allows nothing (the API serves JSON, never a page) except on the dashboard's pages, and
 * no caching of patient data.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI is a page with inline script and styles that calls /q/openapi. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'";

    /**
     * The dashboard's pages load their script, styles and charting library from this origin only; ECharts writes inline
     * styles on its tooltips. Forms post back to the same origin.
     */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final String CSRF_COOKIE = "csrf-token";

    void install(@Observes Router router) {
        router.route().order(-1100).handler(this::harden);
    }

    private void harden(RoutingContext context) {
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            // A browser sends "Origin: null" with a form post under no-referrer, which CORS refuses (403): the
            // dashboard's own forms need their origin, and same-origin still sends nothing to other sites.
            headers.set("Referrer-Policy", isDashboardPage(path) ? "same-origin" : "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            // The Dev UI exists only in development mode and brings its own scripts and web sockets.
            if (!path.startsWith("/q/dev-ui")) {
                headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_UI_POLICY
                        : isDashboardPage(path) ? DASHBOARD_POLICY : STRICT_POLICY);
            }
            if (servesClinicalData(path)) {
                headers.set("Cache-Control", "no-store");
            }
            if (!isDashboardPage(path)) {
                // quarkus-rest-csrf issues its token cookie on every GET; only the dashboard's forms use it.
                context.response().removeCookie(CSRF_COOKIE, false);
            }
        });
        context.next();
    }

    /** The paths whose answers carry patient data: never cached, and every call audited. */
    static boolean servesClinicalData(String path) {
        return path.startsWith("/api/") || path.startsWith("/fhir/") || path.startsWith("/cds-services")
                || (isDashboardPage(path) && !path.equals(SIGN_IN_PAGE));
    }

    private static final String SIGN_IN_PAGE = "/ui/sign-in";

    /** The dashboard's pages, which a browser reads with a session rather than a bearer token. */
    public static boolean isDashboardPage(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }
}
