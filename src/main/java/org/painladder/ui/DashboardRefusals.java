package org.painladder.ui;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.security.SecurityHeaders;

/**
 * A refusal under /ui that would leave without a body: the CSRF check (quarkus-rest-csrf) refuses a form posted
 * without this page's token with a bare 400. A browser asking for a page (its Accept names text/html and no JSON)
 * gets one saying what to do next, as every refused form does; a script or any other client gets problem+json, as
 * the API's refusals. The status stays the one the check gave.
 */
public class DashboardRefusals {

    private static final String STALE_FORM = "The form did not carry this page's security token: it came from an"
            + " older page, another tab or another site. Reload the page and send the form again.";

    private final SecurityIdentity identity;

    DashboardRefusals(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Before the response is written, whichever filter aborted the request. */
    @ServerResponseFilter(priority = Priorities.USER + 500)
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || !SecurityHeaders.isDashboardPage(request.getUriInfo().getPath())) {
            return;
        }
        boolean formPost = "POST".equals(request.getMethod()) && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        String detail = formPost && status == 400 ? STALE_FORM : "The request cannot be handled";
        if (asksForAPage(request.getAcceptableMediaTypes())) {
            Viewer viewer = identity.isAnonymous() ? null : Viewer.of(identity);
            // Rendered here: the template handler has run by the time a filter's abort reaches the response filters.
            response.setEntity(DashboardPages.refused(viewer, formPost ? "The form could not be sent"
                    : "Not possible", detail, "/ui/worklist").render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else {
            response.setEntity(ProblemType.forStatus(status).problem(detail), null, Problem.MEDIA);
        }
    }

    private static boolean asksForAPage(List<MediaType> accepted) {
        return accepted.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"))
                && accepted.stream().noneMatch(type -> type.getSubtype().equals("json")
                        || type.getSubtype().endsWith("+json"));
    }
}
