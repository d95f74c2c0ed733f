package org.painladder.api.regimen;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.ETags;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.api.problem.Problem;
import org.painladder.app.NewRegimen;
import org.painladder.app.ReadingRegimens;
import org.painladder.app.RecordingRegimen;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.security.ActingUser;
import org.painladder.security.Roles;

@Path("/api/v1/patients/{patientId}/regimen")
@Tag(name = "Regimens and opioid arithmetic", description = "Formulary, regimens with OMEDD, opioid conversions")
@Produces(MediaType.APPLICATION_JSON)
public class RegimenResource {

    private final RecordingRegimen recordingRegimen;
    private final ReadingRegimens readingRegimens;
    private final SecurityIdentity identity;

    RegimenResource(RecordingRegimen recordingRegimen, ReadingRegimens readingRegimens, SecurityIdentity identity) {
        this.recordingRegimen = recordingRegimen;
        this.readingRegimens = readingRegimens;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.ADMIN})
    @Operation(operationId = "replaceRegimen",
            summary = "Replace the patient's regimen; the old one stays in history",
            description = "Answers the ladder step derived from the regimen, the scheduled and PRN OMEDD with a"
                    + " per-line trace, and warnings (ceilings, duplicate opioid classes, SAME_DRUG_SCHEDULED_TWICE for one"
                    + " drug on several scheduled lines, rescue outside 10-20 %,"
                    + " PRN-only opioid, fentanyl patch for an opioid-naive patient; interactions:"
                    + " SEROTONERGIC_COMBINATION for tramadol, tapentadol, fentanyl or methadone with duloxetine or a"
                    + " tricyclic, TRAMADOL_SEIZURE_THRESHOLD for tramadol with either, METHADONE_QTC on every methadone"
                    + " line and with a tricyclic, TWO_GABAPENTINOIDS, GABAPENTINOID_WITH_OPIOID). The patient's"
                    + " ladderStep and omeddMg move in the same transaction. If-Match takes the regimen's ETag (\"0\" before the"
                    + " first one). Resending the current regimen unchanged (an EHR retry) stores nothing new."
                    + " changedBy is the signed-in user, or for the EHR's account (role ehr) the prescriber it names;"
                    + " recordedBy is always the signed-in user.")
    @APIResponse(responseCode = "200", description = "The regimen now in force",
            headers = @Header(name = "ETag", description = "The regimen version, for If-Match"),
            content = @Content(schema = @Schema(implementation = RegimenResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "effectiveAt is before the current regimen's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an old regimen version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("patientId") UUID patientId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull RegimenRequest request) {
        NewRegimen incoming = request.toNewRegimen(ActingUser.prescribed(identity, "changedBy", request.changedBy()));
        RecordingRegimen.Outcome outcome = recordingRegimen.record(patientId, ETags.expectedVersion(ifMatch),
                incoming);
        return answer(outcome.recorded());
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readRegimen",
            summary = "The regimen in force",
            description = "404 both for an unknown patient and for a patient with no regimen recorded yet (the"
                    + " detail says which): \"no regimen known\" is not the same as a recorded empty regimen, which"
                    + " answers 200 with items [] and ladderStep 0.")
    @APIResponse(responseCode = "200", description = "The current regimen",
            headers = @Header(name = "ETag", description = "The regimen version, for If-Match"),
            content = @Content(schema = @Schema(implementation = RegimenResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or no regimen recorded yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current(@PathParam("patientId") UUID patientId) {
        return answer(readingRegimens.current(patientId));
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listRegimenHistory",
            summary = "Every regimen version, newest first",
            description = "Each version as it was answered when recorded, with its OMEDD trace and warnings.")
    @APIResponse(responseCode = "200", description = "A page of regimen versions")
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<RegimenResponse> history(@PathParam("patientId") UUID patientId,
                                                 @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                 @QueryParam("page") String page,
                                                 @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                 @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(readingRegimens.history(patientId, paging.page(), paging.size())
                .map(RegimenResponse::of));
    }

    private static Response answer(RecordedRegimen recorded) {
        return Response.ok(RegimenResponse.of(recorded)).tag(ETags.of(recorded.version())).build();
    }
}
