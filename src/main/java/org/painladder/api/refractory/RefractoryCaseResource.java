package org.painladder.api.refractory;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.painladder.api.TaggedReads;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.api.problem.Problem;
import org.painladder.app.MovingRefractoryCase;
import org.painladder.app.ReadingRefractoryCases;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.security.ActingUser;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

@Path("/api/v1/refractory-cases")
@Tag(name = "Refractory cases", description = "The palliative-care worklist of patients whose pain is refractory to an"
        + " adequate step-3 trial (REF-01), with candidate interventions")
@Produces(MediaType.APPLICATION_JSON)
public class RefractoryCaseResource {

    private static final String ETAG_DESCRIPTION = "Changes with everything the case answers, its live figures"
            + " included; If-Match compares the case's version it names, so a pain score since the read does not"
            + " refuse a move";

    private final ReadingRefractoryCases readingCases;
    private final MovingRefractoryCase movingCase;
    private final SecurityIdentity identity;
    private final AuditedPatient auditedPatient;
    private final TaggedReads taggedReads;

    RefractoryCaseResource(ReadingRefractoryCases readingCases, MovingRefractoryCase movingCase,
                           SecurityIdentity identity, AuditedPatient auditedPatient, TaggedReads taggedReads) {
        this.readingCases = readingCases;
        this.movingCase = movingCase;
        this.identity = identity;
        this.auditedPatient = auditedPatient;
        this.taggedReads = taggedReads;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listRefractoryCases",
            summary = "The refractory-pain worklist",
            description = "Filters: status (OPEN, UNDER_REVIEW, REFERRED, CLOSED), site (at flagging), primarySite,"
                    + " intervention (cases offering it without an absolute contraindication). sort: flaggedAt,"
                    + " latestScore, omeddMg or daysOnStep3, with - in front for descending; default -flaggedAt."
                    + " An unknown filter value or sort key is a 400 problem naming the parameter.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    public PageResponse<RefractoryCaseResponse> worklist(@QueryParam("status") String status,
                                                         @QueryParam("site") String site,
                                                         @QueryParam("primarySite") String primarySite,
                                                         @QueryParam("intervention") String intervention,
                                                         @QueryParam("sort") String sort,
                                                         @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                         @QueryParam("page") String page,
                                                         @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                         @QueryParam("size") String size) {
        return PageResponse.of(readingCases.worklist(
                        WorklistParameters.read(status, site, primarySite, intervention, sort, page, size))
                .map(RefractoryCaseResponse::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readRefractoryCase",
            summary = "A refractory case with its history")
    @APIResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = RefractoryCaseResponse.class)))
    @APIResponse(responseCode = "304", description = TaggedReads.NOT_MODIFIED_DESCRIPTION,
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response find(@PathParam("id") UUID id,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ReadingRefractoryCases.CaseView view = readingCases.find(id);
        // The path names the case, not the patient: tell the audit trail whose record was read.
        auditedPatient.is(view.refractoryCase().patientId());
        return taggedReads.read(view.refractoryCase().version(), RefractoryCaseResponse.of(view), ifNoneMatch);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "moveRefractoryCase",
            summary = "Move a case along the worklist",
            description = "Forward one step along OPEN → UNDER_REVIEW → REFERRED, or to CLOSED from any open status"
                    + " with an outcome. Closing clears the patient's refractory flag. Send If-Match with the ETag"
                    + " to be sure nobody moved the case since you read it. The history names the signed-in user;"
                    + " a by other than them is 422.")
    @APIResponse(responseCode = "200", description = "The case after the change, with its history",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = RefractoryCaseResponse.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A backward move, a skipped step, or a move out of CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an old version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionRequest request) {
        String by = ActingUser.confirmed(identity, "by", request.by());
        RefractoryCase moved = movingCase.move(id, ETags.expectedVersion(ifMatch), new MovingRefractoryCase.Move(
                request.to(), request.outcome(), by, request.assignee(), request.note()));
        auditedPatient.is(moved.patientId());
        RefractoryCaseResponse answer = RefractoryCaseResponse.of(readingCases.find(moved.id()));
        return Response.ok(answer).tag(taggedReads.tag(moved.version(), answer)).build();
    }
}
