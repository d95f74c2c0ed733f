package org.painladder.api.pain;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
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
import org.painladder.api.problem.ProblemType;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.NewPainAssessment;
import org.painladder.app.ReadingPainTimeline;
import org.painladder.app.RecordingPainAssessment;
import org.painladder.app.RulesConfig;
import org.painladder.domain.pain.PainScale;
import org.painladder.security.Roles;

@Path("/api/v1/patients/{patientId}")
@Tag(name = "Pain assessments", description = "The patient's pain timeline and trend")
@Produces(MediaType.APPLICATION_JSON)
public class PainAssessmentResource {

    private final RecordingPainAssessment recordingPainAssessment;
    private final ReadingPainTimeline readingPainTimeline;
    private final RulesConfig rules;

    PainAssessmentResource(RecordingPainAssessment recordingPainAssessment, ReadingPainTimeline readingPainTimeline,
                           RulesConfig rules) {
        this.recordingPainAssessment = recordingPainAssessment;
        this.readingPainTimeline = readingPainTimeline;
        this.rules = rules;
    }

    @POST
    @Path("pain-assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EHR, Roles.ADMIN})
    @Operation(operationId = "recordPainAssessment",
            summary = "Record a pain assessment and get the rules' evaluation",
            description = "Idempotent by externalId: the same content again answers 200 with the stored body,"
                    + " other content under the same externalId answers 409. recordedAt may be in the past (late"
                    + " feeds are placed by recordedAt) but not more than 5 minutes in the future.")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the stored assessment"),
            content = @Content(schema = @Schema(implementation = PainAssessmentResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with the same content (a retry)",
            content = @Content(schema = @Schema(implementation = PainAssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "externalId already used with other content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    public Response record(@PathParam("patientId") UUID patientId, @Valid @NotNull PainAssessmentRequest request,
                           @Context UriInfo uriInfo) {
        RecordingPainAssessment.Outcome outcome = recordingPainAssessment.record(patientId, new NewPainAssessment(
                request.externalId(), request.recordedAt().toInstant(), request.scale(),
                rawValue(request.scale(), request.value()),
                request.kind(), request.site(), request.mechanism(), request.course(), request.acuteCause(),
                request.breakthroughEpisodes24h(), request.adverseEffectValues(), request.source(),
                request.breakthroughType(), request.redFlags()));
        URI location = uriInfo.getAbsolutePathBuilder().path(outcome.recorded().assessment().id().toString()).build();
        PainAssessmentResponse body = PainAssessmentResponse.of(outcome.recorded(), rules.bandEdges(),
                outcome.recommendations());
        return (outcome.created() ? Response.created(location) : Response.ok().location(location)).entity(body).build();
    }

    @GET
    @Path("pain-assessments")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listPainAssessments",
            summary = "The pain timeline, newest first by recordedAt",
            description = "from is inclusive and to exclusive; both RFC 3339 timestamps.")
    @APIResponse(responseCode = "200", description = "A page of assessments")
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<PainAssessmentResponse> timeline(@PathParam("patientId") UUID patientId,
                                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                                         @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                         @QueryParam("page") String page,
                                                         @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                         @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(readingPainTimeline.timeline(patientId, Paging.timestamp("from", from),
                        Paging.timestamp("to", to), paging.page(), paging.size())
                .map(recorded -> PainAssessmentResponse.of(recorded, rules.bandEdges(), null)));
    }

    @GET
    @Path("pain-assessments/{assessmentId}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readPainAssessment",
            summary = "One stored pain assessment")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(schema = @Schema(implementation = PainAssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient or assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PainAssessmentResponse assessment(@PathParam("patientId") UUID patientId,
                                             @PathParam("assessmentId") UUID assessmentId) {
        return PainAssessmentResponse.of(readingPainTimeline.assessment(patientId, assessmentId), rules.bandEdges(),
                null);
    }

    @GET
    @Path("pain-trend")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readPainTrend",
            summary = "The pain trend over the last days (background scores)",
            description = "days 1–365, default 30. mean, max, latest, controlledFraction and slopePerDay are over"
                    + " background scores; slopePerDay is null until they span a day. Daily buckets are UTC days."
                    + " procedures lists the interventions done in the"
                    + " same days.")
    @APIResponse(responseCode = "200", description = "The trend",
            content = @Content(schema = @Schema(implementation = PainTrendResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PainTrendResponse trend(@PathParam("patientId") UUID patientId, @QueryParam("days") String days) {
        return PainTrendResponse.of(readingPainTimeline.trend(patientId, Paging.integer("days", days, 1, 365, 30)));
    }

    /**
     * A score is a JSON number, or a word for VRS only: "7.0" or " 7" on a numeric scale is a coercion (api.md
     * "Strict input"), as are objects, arrays and booleans.
     */
    private static String rawValue(PainScale scale, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new ClinicalValidationException("value", "must not be null");
        }
        // Every numeric scale is in whole points (VAS in whole mm): 5.0 or 4.5e1 is a float for an integer.
        if (value.isIntegralNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isTextual() && scale == PainScale.VRS) {
            return value.textValue();
        }
        String expected = scale == PainScale.VRS ? "a word: NONE, MILD, MODERATE or SEVERE"
                : "a whole JSON number on the " + scale + " scale";
        throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(
                "value has the wrong JSON type: it must be " + expected,
                List.of(new Problem.FieldViolation("value", "must be " + expected))).toResponse());
    }
}
