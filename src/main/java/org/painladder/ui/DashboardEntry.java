package org.painladder.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The service's address opens the dashboard: {@code /} leads to the worklist (and to sign-in first when needed). */
@Path("/")
public class DashboardEntry {

    static final URI WORKLIST = URI.create("/ui/worklist");

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(WORKLIST).build();
    }
}
