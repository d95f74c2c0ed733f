package org.painladder.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login CSRF: a page on another site could post the sign-in form for a visitor's browser, signing it in to the
 * dashboard as a user of the attacker's choosing, so that what the visitor then does is recorded in that name. The
 * sign-in post carries no CSRF token (it is handled by Quarkus' form authentication before any page code runs), so it
 * must come from this site: a browser says where a post comes from in Origin (or Referer, which older browsers send
 * instead, and Sec-Fetch-Site), and a post that names another origin is refused with 403 before it is read. A script
 * that signs in sends none of them and is not a browser that another site could drive.
 */
@Singleton
public class SignInFromThisSite {

    private final String postLocation;
    private final String publicOrigin;

    SignInFromThisSite(@ConfigProperty(name = "quarkus.http.auth.form.post-location") String postLocation,
                       @ConfigProperty(name = "painladder.cds-hooks.public-url") String publicUrl) {
        this.postLocation = postLocation;
        this.publicOrigin = originOf(publicUrl);
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, postLocation).order(-980).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        String referer = context.request().getHeader("Referer");
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        String claimed = origin != null ? origin : referer == null ? null : originOf(referer);
        boolean crossSite = fetchSite != null && !"same-origin".equals(fetchSite) && !"none".equals(fetchSite);
        if (crossSite || (origin != null || referer != null) && !isThisSite(claimed, context)) {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Sign-in refused: the sign-in form was posted from another site. Open this site's sign-in"
                            + " page and sign in there.\n");
            return;
        }
        context.next();
    }

    private boolean isThisSite(String claimed, RoutingContext context) {
        if (claimed == null) {
            return false;
        }
        // Behind a proxy that ends TLS the request is plain HTTP here: the public URL names the origin browsers see.
        String host = context.request().getHeader("Host");
        String own = host == null ? null : originOf(context.request().scheme() + "://" + host);
        return claimed.equalsIgnoreCase(own) || claimed.equalsIgnoreCase(publicOrigin);
    }

    /** scheme://host[:port] of a URL, or null when it has none ("null", a relative or malformed URL). */
    static String originOf(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException malformed) {
            return null;
        }
    }
}
