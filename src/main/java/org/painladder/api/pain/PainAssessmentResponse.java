package org.painladder.api.pain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.api.ladder.RecommendationResponse;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.BandEdges;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.recommendation.Recommendation;

/** A stored assessment: the raw value as sent, the normalised score and band, and (on POST) the evaluation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PainAssessmentResponse(
        UUID id,
        UUID patientId,
        String externalId,
        Instant recordedAt,
        Instant receivedAt,
        PainScale scale,
        @Schema(description = "The value as recorded on its scale", anyOf = {Number.class, String.class})
        Object value,
        int score,
        PainBand band,
        AssessmentKind kind,
        PainSite site,
        PainMechanism mechanism,
        PainCourse course,
        AcuteCause acuteCause,
        Integer breakthroughEpisodes24h,
        List<AdverseEffect> adverseEffects,
        AssessmentSource source,
        BreakthroughType breakthroughType,
        Set<RedFlag> redFlags,
        Evaluation evaluation,
        @Schema(description = "Present when the sender corrected the value (FHIR status amended or corrected): the"
                + " value, score and recordedAt above are the corrected ones")
        Amended amended,
        @Schema(description = "Present when the sender retracted the assessment as entered in error: it is kept for"
                + " the audit trail, and left out of the timeline, the trend and the rules")
        Retracted retracted) {

    /** A correction, with the value and time first sent (the first ones, whatever corrections followed). */
    public record Amended(RecordedAssessment.AmendedAs as, Instant at, String by, String originalValue,
                          int originalScore, Instant originalRecordedAt) {
    }

    public record Retracted(Instant at, String by) {
    }

    /** The decision the rules took on this fact (api.md): pending advice stays listed under /recommendations. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Evaluation(int ladderStep, PainControl painControl, List<RecommendationResponse> recommendations,
                             UUID refractoryCaseId) {
    }

    /** @param recommendations what the rules advised on this assessment; null to leave the evaluation out (reads) */
    static PainAssessmentResponse of(RecordedAssessment recorded, BandEdges edges,
                                     List<Recommendation> recommendations) {
        PainAssessment assessment = recorded.assessment();
        RecordedAssessment.Evaluation evaluation = recorded.evaluation();
        return new PainAssessmentResponse(assessment.id(), recorded.patientId(), recorded.externalId(),
                assessment.recordedAt(), recorded.receivedAt(), assessment.scale(), rawValue(assessment),
                assessment.score(), assessment.band(edges), assessment.kind(), assessment.site(), assessment.mechanism(),
                assessment.course(), assessment.acuteCause(), assessment.breakthroughEpisodes24h(),
                assessment.adverseEffects(), recorded.source(), assessment.breakthroughType(),
                new TreeSet<>(assessment.redFlags()),
                recommendations == null ? null : new Evaluation(evaluation.ladderStep(), evaluation.painControl(),
                        recommendations.stream().map(RecommendationResponse::of).toList(),
                        evaluation.refractoryCaseId()),
                amended(recorded.amendment()),
                recorded.retraction() == null ? null : new Retracted(recorded.retraction().at(),
                        recorded.retraction().by()));
    }

    private static Amended amended(RecordedAssessment.Amendment amendment) {
        return amendment == null ? null : new Amended(amendment.as(), amendment.at(), amendment.by(),
                amendment.originalRawValue(), amendment.originalScore(), amendment.originalRecordedAt());
    }

    /** Numbers go back as numbers and VRS words as words, as the EHR sent them. */
    private static Object rawValue(PainAssessment assessment) {
        return assessment.scale() == PainScale.VRS ? assessment.rawValue() : new BigDecimal(assessment.rawValue());
    }
}
