package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.patient.TransitionCause;
import org.painladder.domain.recommendation.OverrideReason;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.persistence.LadderTransitions;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Recommendations;

/**
 * A clinician accepts or rejects a pending recommendation. A decision is final: deciding again is a conflict.
 * Accepting an escalation or a step-down moves the patient's ladder step, with a transition naming the
 * recommendation and the clinician; the step holds until the next regimen change.
 */
@ApplicationScoped
public class DecidingRecommendation {

    /**
     * @param outcome        ACCEPTED or REJECTED
     * @param clinician      who decided, as the clinic names them
     * @param note           the acceptance note (optional) or the reason for rejecting (required)
     * @param overrideReason the reason picked in the EHR when the card was overridden there, else null
     * @param decidedAt      when the clinician decided, when that was before the decision reached painladder (an EHR
     *                       reports it afterwards); null when it is now
     */
    public record ClinicianDecision(RecommendationStatus outcome, String clinician, String note,
                                    OverrideReason overrideReason, Instant decidedAt) {
        public ClinicianDecision {
            if (outcome != RecommendationStatus.ACCEPTED && outcome != RecommendationStatus.REJECTED) {
                throw new IllegalArgumentException("a clinician accepts or rejects, got " + outcome);
            }
            Objects.requireNonNull(clinician, "clinician");
        }

        /** A decision taken here and now. */
        public ClinicianDecision(RecommendationStatus outcome, String clinician, String note) {
            this(outcome, clinician, note, null, null);
        }
    }

    private final Patients patients;
    private final Recommendations recommendations;
    private final LadderTransitions transitions;
    private final Clock clock;

    DecidingRecommendation(Patients patients, Recommendations recommendations, LadderTransitions transitions,
                           Clock clock) {
        this.patients = patients;
        this.recommendations = recommendations;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** @param expectedVersion the versions named by If-Match, or the one the dashboard page showed */
    @Transactional
    public Recommendation decide(UUID patientId, UUID recommendationId, ExpectedVersion expectedVersion,
                                 ClinicianDecision decision) {
        Instant now = clock.instant();
        Instant decidedAt = decision.decidedAt() == null ? now : decision.decidedAt();
        // The patient's row lock orders this decision with new facts, which may supersede the recommendation.
        Patient patient = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        Recommendation current = recommendations.find(patientId, recommendationId)
                .orElseThrow(() -> new NotFoundException("recommendation", recommendationId));
        expectedVersion.check(current.version());
        if (patient.profile().status() == PatientStatus.DECEASED) {
            throw new ConflictException("The patient is DECEASED; advice can no longer be decided (it was "
                    + current.status() + ")");
        }
        if (current.status().isDecided()) {
            throw new ConflictException(alreadyDecided(current));
        }
        Recommendation decided = recommendations.decide(recommendationId, decision.outcome(), decision.clinician(),
                decision.note(), decision.overrideReason(), decidedAt);
        Integer step = decision.outcome() == RecommendationStatus.ACCEPTED ? decided.stepOnAcceptance() : null;
        LiveState state = patient.state();
        if (step != null && step != state.ladderStep()) {
            transitions.insert(patientId, new LadderTransition(state.ladderStep(), step, decidedAt,
                    TransitionCause.RECOMMENDATION_ACCEPTED, recommendationId, decision.clinician(),
                    decision.clinician()));
            patients.saveState(patientId, state.withLadderStep(step, decidedAt), now);
        }
        return decided;
    }

    private static String alreadyDecided(Recommendation recommendation) {
        if (recommendation.status() == RecommendationStatus.SUPERSEDED) {
            return "The recommendation was superseded" + (recommendation.supersededBy() == null ? ""
                    : " by " + recommendation.supersededBy()) + " and can no longer be decided; decide the pending one";
        }
        return "The recommendation was already " + recommendation.status() + " by " + recommendation.decidedBy()
                + " at " + recommendation.decidedAt() + "; a decision is final";
    }
}
