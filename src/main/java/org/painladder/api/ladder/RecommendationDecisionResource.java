package org.painladder.api.ladder;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.ETags;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.api.problem.Problem;
import org.painladder.app.DecidingRecommendation;
import org.painladder.app.DecidingRecommendation.ClinicianDecision;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.security.ActingUser;
import org.painladder.security.Roles;

/** A clinician's decision on a recommendation: accept or reject, once. The problems both can answer are shared. */
@Path("/api/v1/patients/{patientId}")
@Tag(name = RecommendationResource.TAG, description = RecommendationResource.TAG_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such patient or recommendation",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Already accepted, rejected or superseded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an old version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RecommendationDecisionResource {

    private final DecidingRecommendation decidingRecommendation;
    private final SecurityIdentity identity;

    RecommendationDecisionResource(DecidingRecommendation decidingRecommendation, SecurityIdentity identity) {
        this.decidingRecommendation = decidingRecommendation;
        this.identity = identity;
    }

    @POST
    @Path("recommendations/{recommendationId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "acceptRecommendation",
            summary = "Accept a pending recommendation",
            description = "Accepting ESCALATE_TO_STEP_2, ESCALATE_TO_STEP_3, or a STEP_DOWN that proposes a step,"
                    + " moves the patient's ladder step and writes a transition (cause RECOMMENDATION_ACCEPTED)."
                    + " A decision is final: deciding again is 409. If-Match with the ETag is optional."
                    + " decidedBy is the signed-in user; a clinician other than them is 422.")
    @APIResponse(responseCode = "200", description = "The accepted recommendation",
            headers = @Header(name = "ETag", description = "The recommendation's new version"),
            content = @Content(schema = @Schema(implementation = RecommendationResponse.class)))
    public Response accept(@PathParam("patientId") UUID patientId, @PathParam("recommendationId") UUID recommendationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DecisionRequests.AcceptRecommendation request) {
        return RecommendationResource.answer(decidingRecommendation.decide(patientId, recommendationId,
                ETags.expectedVersion(ifMatch),
                new ClinicianDecision(RecommendationStatus.ACCEPTED,
                        ActingUser.confirmed(identity, "clinician", request.clinician()), request.note())));
    }

    @POST
    @Path("recommendations/{recommendationId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "rejectRecommendation",
            summary = "Reject a pending recommendation, with the reason",
            description = "The reason is required (422 without it) and kept as the decision note. A decision is"
                    + " final: deciding again is 409. If-Match with the ETag is optional. decidedBy is the signed-in"
                    + " user; a clinician other than them is 422.")
    @APIResponse(responseCode = "200", description = "The rejected recommendation",
            headers = @Header(name = "ETag", description = "The recommendation's new version"),
            content = @Content(schema = @Schema(implementation = RecommendationResponse.class)))
    public Response reject(@PathParam("patientId") UUID patientId, @PathParam("recommendationId") UUID recommendationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DecisionRequests.RejectRecommendation request) {
        return RecommendationResource.answer(decidingRecommendation.decide(patientId, recommendationId,
                ETags.expectedVersion(ifMatch),
                new ClinicianDecision(RecommendationStatus.REJECTED,
                        ActingUser.confirmed(identity, "clinician", request.clinician()), request.reason())));
    }
}
