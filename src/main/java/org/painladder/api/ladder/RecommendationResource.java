package org.painladder.api.ladder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.ETags;
import org.painladder.api.procedure.ProcedureResponse;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.api.problem.Problem;
import org.painladder.app.ReadingLadder;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.security.Roles;

@Path("/api/v1/patients/{patientId}")
@Tag(name = RecommendationResource.TAG, description = RecommendationResource.TAG_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    /** The OpenAPI tag of every ladder endpoint. */
    static final String TAG = "Ladder";
    static final String TAG_DESCRIPTION =
            "The patient's ladder step, the rules' recommendations and the clinicians' decisions";

    private final ReadingLadder readingLadder;

    RecommendationResource(ReadingLadder readingLadder) {
        this.readingLadder = readingLadder;
    }

    @GET
    @Path("recommendations")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listRecommendations",
            summary = "The patient's recommendations, newest first",
            description = "status PENDING, ACCEPTED, REJECTED or SUPERSEDED filters them (another value is 400);"
                    + " without it every recommendation is listed.")
    @APIResponse(responseCode = "200", description = "A page of recommendations")
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<RecommendationResponse> list(@PathParam("patientId") UUID patientId,
                                                     @QueryParam("status") String status,
                                                     @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                     @QueryParam("page") String page,
                                                     @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                     @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(readingLadder.recommendations(patientId, status(status), paging.page(), paging.size())
                .map(RecommendationResponse::of));
    }

    @GET
    @Path("recommendations/{recommendationId}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readRecommendation",
            summary = "One recommendation with its evidence, proposal and decision")
    @APIResponse(responseCode = "200", description = "The recommendation",
            headers = @Header(name = "ETag", description = "The recommendation's version, for If-Match"),
            content = @Content(schema = @Schema(implementation = RecommendationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient or recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response find(@PathParam("patientId") UUID patientId, @PathParam("recommendationId") UUID recommendationId) {
        return answer(readingLadder.recommendation(patientId, recommendationId));
    }

    @GET
    @Path("ladder")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readLadder",
            summary = "The patient's ladder step and every transition, oldest first",
            description = "A regimen change sets the step derived from the regimen (cause REGIMEN_CHANGE); an accepted"
                    + " escalation or step-down sets the step it proposed (cause RECOMMENDATION_ACCEPTED).")
    @APIResponse(responseCode = "200", description = "The ladder",
            content = @Content(schema = @Schema(implementation = LadderResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LadderResponse ladder(@PathParam("patientId") UUID patientId) {
        ReadingLadder.Ladder ladder = readingLadder.ladder(patientId);
        return new LadderResponse(ladder.step(), ladder.since(), ladder.transitions(),
                ladder.procedures().stream().map(ProcedureResponse::of).toList());
    }

    static Response answer(Recommendation recommendation) {
        return Response.ok(RecommendationResponse.of(recommendation)).tag(ETags.of(recommendation.version())).build();
    }

    private static RecommendationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RecommendationStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Paging.badParameter("status", "must be one of " + Arrays.stream(RecommendationStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
