package org.painladder.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails the way a bug would, to show what a caller sees of an unexpected failure. */
@Path("/api/v1/test-only/failure")
public class FailingResource {

    @GET
    @RolesAllowed("admin")
    public String fail() {
        throw new IllegalStateException("org.painladder.secret.Internals: SELECT * FROM patient WHERE mrn='MRN-1'");
    }
}
