package org.painladder.domain.recommendation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.painladder.domain.ladder.ProposedRecommendation;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.ladder.RecommendationType;

/**
 * A recommendation as stored for a patient: the engine's advice with its rule and evidence, and what became of it.
 * It waits as PENDING until a clinician accepts or rejects it, or a newer ladder move supersedes it; a decided
 * recommendation is never decided again.
 *
 * @param regimenVersion        the regimen version current when the advice was given (0 = none)
 * @param createdByAssessmentId the assessment whose evaluation gave it, or null when a regimen change did
 * @param supersededBy          the recommendation that replaced it, when SUPERSEDED
 * @param overrideReason        the reason picked and written when it was overridden in the EHR, else null
 * @param version               optimistic-concurrency version (If-Match on accept and reject)
 */
public record Recommendation(UUID id, UUID patientId, Instant createdAt, ProposedRecommendation advice,
                             String fingerprint, long regimenVersion, UUID createdByAssessmentId,
                             RecommendationStatus status, String decidedBy, Instant decidedAt, String decisionNote,
                             UUID supersededBy, long version, OverrideReason overrideReason) {

    public Recommendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(status, "status");
        fingerprint = fingerprint == null ? advice.fingerprint() : fingerprint;
    }

    /** New advice from the engine, waiting for a clinician. */
    public static Recommendation pending(UUID id, UUID patientId, Instant createdAt, ProposedRecommendation advice,
                                         long regimenVersion, UUID createdByAssessmentId) {
        return new Recommendation(id, patientId, createdAt, advice, advice.fingerprint(), regimenVersion,
                createdByAssessmentId, RecommendationStatus.PENDING, null, null, null, null, 0, null);
    }

    public RecommendationType type() {
        return advice.type();
    }

    /**
     * The step the patient moves to when this is accepted: the step an escalation names, or the {@code toStep} a
     * step-down proposes. Null when accepting it changes the dose or the drug but not the step.
     */
    public Integer stepOnAcceptance() {
        return switch (advice.type()) {
            case ESCALATE_TO_STEP_2 -> 2;
            case ESCALATE_TO_STEP_3 -> 3;
            case STEP_DOWN -> advice.targetStep();
            default -> null;
        };
    }
}
