package org.painladder.api.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.painladder.security.SecurityHeaders;

/**
 * An error a library's filter answers without a body (a request it aborted with a bare status) gets the problem body
 * every other error has; under /fhir it then becomes an OperationOutcome like any problem. The dashboard's pages
 * answer their own refusals ({@code DashboardRefusals}).
 */
public class BodilessErrors {

    /** Before the filters that rewrite a problem for their clients (response filters run highest priority first). */
    @ServerResponseFilter(priority = Priorities.USER + 500)
    public void problemBody(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()
                || SecurityHeaders.isDashboardPage(request.getUriInfo().getPath())) {
            return;
        }
        ProblemType type = ProblemType.forStatus(response.getStatus());
        Problem problem = response.getStatus() >= 500 ? ProblemType.unexpectedFailure(CorrelationId.current())
                : type.problem("The request cannot be handled");
        response.setEntity(problem, null, Problem.MEDIA);
    }
}
