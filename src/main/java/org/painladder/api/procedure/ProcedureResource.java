package org.painladder.api.procedure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.api.problem.Problem;
import org.painladder.app.RecordingProcedure;
import org.painladder.security.Roles;

@Path("/api/v1/patients/{patientId}/procedures")
@Tag(name = "Procedures", description = "Interventions done: neurolysis, pumps, catheters, radiotherapy")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    private final RecordingProcedure recordingProcedure;

    ProcedureResource(RecordingProcedure recordingProcedure) {
        this.recordingProcedure = recordingProcedure;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "recordProcedure", summary = "Record an intervention done",
            description = "type is the intervention enum of the refractory worklist. A procedure done after the"
                    + " patient's open refractory case was flagged answers the suggestion to close it with"
                    + " INTERVENTION_DONE (REF-03); the case never closes by itself. The procedure feeds STD-01's"
                    + " cause-directed arm (a taper once pain is controlled after it) and shows in the ladder and"
                    + " on the pain trend.")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the stored procedure"),
            content = @Content(schema = @Schema(implementation = ProcedureResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown type, no performedAt, or performedAt in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    public Response record(@PathParam("patientId") UUID patientId, @Valid @NotNull ProcedureRequest request,
                           @Context SecurityContext security, @Context UriInfo uriInfo) {
        RecordingProcedure.Outcome outcome = recordingProcedure.record(patientId, request.toNewProcedure(),
                security.getUserPrincipal().getName());
        URI location = uriInfo.getAbsolutePathBuilder().path(outcome.procedure().id().toString()).build();
        return Response.created(location).entity(ProcedureResponse.of(outcome)).build();
    }

    @GET
    @Path("{procedureId}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readProcedure", summary = "One procedure of the patient")
    @APIResponse(responseCode = "200", description = "The procedure",
            content = @Content(schema = @Schema(implementation = ProcedureResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or no such procedure of this patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProcedureResponse procedure(@PathParam("patientId") UUID patientId,
                                       @PathParam("procedureId") UUID procedureId) {
        return ProcedureResponse.of(recordingProcedure.find(patientId, procedureId));
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listProcedures", summary = "The patient's procedures, newest performed first")
    @APIResponse(responseCode = "200", description = "A page of procedures")
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ProcedureResponse> list(@PathParam("patientId") UUID patientId,
                                                @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                @QueryParam("page") String page,
                                                @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(recordingProcedure.list(patientId, paging.page(), paging.size())
                .map(ProcedureResponse::of));
    }
}
