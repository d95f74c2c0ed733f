package org.painladder.api.ladder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.ladder.Evidence;
import org.painladder.domain.ladder.ProposedRecommendation;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.ladder.RecommendationType;
import org.painladder.domain.ladder.SafetyCheck;
import org.painladder.domain.recommendation.OverrideReason;
import org.painladder.domain.recommendation.Recommendation;

/** A recommendation with the rule that gave it, its evidence and proposal, and the clinician's decision. */
public record RecommendationResponse(
        UUID id,
        UUID patientId,
        Instant createdAt,
        RecommendationType type,
        @Schema(description = "The rule of clinical-rules §6.4 / §6.8 that fired", example = "LAD-04")
        String ruleId,
        String rulesVersion,
        String rationale,
        @Schema(description = "What the rule read: assessment ids, scores, OMEDD (mg/day), the §6.2 thresholds that"
                + " fired, and other facts")
        Evidence evidence,
        @Schema(description = "What the rule proposes, units alongside numbers: drug, route, direction,"
                + " fromDailyDose, toDailyDose, unit, rescueDose, frequency, toStep …")
        Map<String, Object> proposal,
        @Schema(description = "The clinical-rules §8.1 checks run before the advice was given (ORGAN_FUNCTION, "
                + "TOXICITY, OPIOID_TOLERANCE, ACUTE_CAUSE, RED_FLAGS, TITRATION_INTERVAL, INTERACTION): result "
                + "PASSED, CHANGED, BLOCKED, WARNING or NOT_KNOWN, and in detail what was found and what it changed")
        List<SafetyCheck> safetyChecks,
        RecommendationStatus status,
        @Schema(description = "The clinician who accepted or rejected it")
        String decidedBy,
        @Schema(description = "When it was accepted or rejected, or superseded by newer advice")
        Instant decidedAt,
        @Schema(description = "The acceptance note, or the reason for rejecting it")
        String decisionNote,
        @Schema(description = "The recommendation that replaced this one, when SUPERSEDED")
        UUID supersededBy,
        @Schema(description = "Changes when the recommendation is decided; send it as If-Match on accept or reject")
        long version,
        @Schema(description = "When its card was overridden in the EHR (CDS Hooks feedback) with a reason: the reason"
                + " the clinician picked and what they wrote, as the EHR sent them; null otherwise")
        EhrOverrideReason overrideReason) {

    /** CDS Hooks 2.0's OverrideReason: a Coding and the clinician's comment, either of which may be missing. */
    public record EhrOverrideReason(ReasonCoding reason, String userComment) {

        static EhrOverrideReason of(OverrideReason overrideReason) {
            return overrideReason == null ? null : new EhrOverrideReason(overrideReason.coded()
                    ? new ReasonCoding(overrideReason.system(), overrideReason.code(), overrideReason.display())
                    : null, overrideReason.userComment());
        }
    }

    @Schema(description = "The override reason picked, e.g. one of the card's overrideReasons")
    public record ReasonCoding(String system, String code, String display) {
    }

    public static RecommendationResponse of(Recommendation recommendation) {
        ProposedRecommendation advice = recommendation.advice();
        return new RecommendationResponse(recommendation.id(), recommendation.patientId(), recommendation.createdAt(),
                advice.type(), advice.ruleId().code(), advice.rulesVersion(), advice.rationale(), advice.evidence(),
                advice.proposal(), advice.safetyChecks(), recommendation.status(), recommendation.decidedBy(),
                recommendation.decidedAt(), recommendation.decisionNote(), recommendation.supersededBy(),
                recommendation.version(), EhrOverrideReason.of(recommendation.overrideReason()));
    }
}
