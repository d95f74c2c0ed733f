package org.painladder.api.patient;

import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.app.RegisteringPatient;
import org.painladder.domain.patient.Patient;

/**
 * Test-only endpoints that answer only once their client has hung up (or after 5 s), so that a test can show what
 * becomes of a request whose answer nobody received: a read of a patient, and a registration.
 */
@Path("/api/v1/test-only/abandoned")
public class AbandonedRequestsResource {

    private final RegisteringPatient registeringPatient;

    AbandonedRequestsResource(RegisteringPatient registeringPatient) {
        this.registeringPatient = registeringPatient;
    }

    @GET
    @RolesAllowed("clinician")
    public String read(@QueryParam("patientId") String patientId, @Context HttpServerResponse response)
            throws InterruptedException {
        awaitHangUp(response);
        return "{\"patientId\":\"" + patientId + "\"}";
    }

    /** Registers like the real endpoint; with {@code ?answer=after-hang-up}, answers only once the client is gone. */
    @POST
    @Path("patients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ehr")
    @Idempotent
    public Response register(@Valid @NotNull PatientRequest request, @QueryParam("answer") String answer,
                             @Context HttpServerResponse response) throws InterruptedException {
        Patient patient = registeringPatient.register(request.toProfile());
        if ("after-hang-up".equals(answer)) {
            awaitHangUp(response);
        }
        return Response.created(URI.create("/api/v1/patients/" + patient.id())).build();
    }

    private static void awaitHangUp(HttpServerResponse response) throws InterruptedException {
        for (int wait = 0; wait < 500 && !response.closed(); wait++) {
            Thread.sleep(10);
        }
    }
}
