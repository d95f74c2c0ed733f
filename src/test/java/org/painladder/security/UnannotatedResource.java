package org.painladder.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that forgot its role annotation: deny-by-default must refuse it to every role. */
@Path("/api/v1/test-only/unannotated")
public class UnannotatedResource {

    @GET
    public String leak() {
        return "patient data that nobody was allowed to see";
    }
}
