package org.painladder.api.patient;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    public String read(@QueryParam("patientId") String patientId, @Context HttpServerRequest request)
            throws InterruptedException, ExecutionException, TimeoutException {
        awaitHangUp(request);
        return "{\"patientId\":\"" + patientId + "\"}";
    }

    /** Registers like the real endpoint; with {@code ?answer=after-hang-up}, answers only once the client is gone. */
    @POST
    @Path("patients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ehr")
    @Idempotent
    public Response register(@Valid @NotNull PatientRequest request, @QueryParam("answer") String answer,
                             @Context HttpServerRequest httpRequest)
            throws InterruptedException, ExecutionException, TimeoutException {
        Patient patient = registeringPatient.register(request.toProfile());
        if ("after-hang-up".equals(answer)) {
            awaitHangUp(httpRequest);
        }
        return Response.created(URI.create("/api/v1/patients/" + patient.id())).build();
    }

    /**
     * Returns once the hang-up has been handled, not merely seen. Vert.x marks the response closed on the event loop,
     * then runs Quarkus REST's close handler there, which drops the rest of the request's handlers (the response
     * filters among them); a method that returned in between had its filters run, as if answered. A task queued on the
     * same event loop after the close was seen runs after that handler.
     */
    private static void awaitHangUp(HttpServerRequest request)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (int wait = 0; wait < 500 && !request.response().closed(); wait++) {
            Thread.sleep(10);
        }
        CompletableFuture<Void> closeHandled = new CompletableFuture<>();
        ((HttpServerRequestInternal) request).context().runOnContext(done -> closeHandled.complete(null));
        closeHandled.get(5, TimeUnit.SECONDS);
    }
}
