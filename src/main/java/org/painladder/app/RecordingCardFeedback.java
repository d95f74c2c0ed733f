package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.DecidingRecommendation.ClinicianDecision;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Recommendations;

/**
 * A clinician's answer to a card in the EHR (CDS Hooks feedback): accepting a recommendation's card accepts the
 * recommendation, overriding it rejects it with the override reason. A card is answered once: feedback on a
 * recommendation that is no longer pending, or on a card that is not a recommendation, changes nothing.
 */
@ApplicationScoped
public class RecordingCardFeedback {

    /** What the feedback did, and whose recommendation it was (null when the card named none). */
    public record Outcome(UUID patientId, RecommendationStatus decided) {
        public boolean ignored() {
            return decided == null;
        }
    }

    private final Patients patients;
    private final Recommendations recommendations;
    private final DecidingRecommendation decidingRecommendation;

    RecordingCardFeedback(Patients patients, Recommendations recommendations,
                          DecidingRecommendation decidingRecommendation) {
        this.patients = patients;
        this.recommendations = recommendations;
        this.decidingRecommendation = decidingRecommendation;
    }

    /** @param note the acceptance note, or the reason for overriding (required then) */
    @Transactional
    public Outcome record(UUID cardUuid, RecommendationStatus outcome, String clinician, String note) {
        Optional<UUID> owner = recommendations.patientOf(cardUuid);
        if (owner.isEmpty()) {
            return new Outcome(null, null);
        }
        UUID patientId = owner.get();
        // The patient's lock before the recommendation is read, as in deciding: the same feedback sent twice at once
        // then finds the first one's decision and is ignored, instead of deciding over it.
        patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        Recommendation recommendation = recommendations.find(patientId, cardUuid)
                .orElseThrow(() -> new NotFoundException("recommendation", cardUuid));
        if (recommendation.status() != RecommendationStatus.PENDING) {
            return new Outcome(patientId, null);
        }
        Recommendation decided = decidingRecommendation.decide(patientId, cardUuid, ExpectedVersion.UNCONDITIONAL,
                new ClinicianDecision(outcome, clinician, note));
        return new Outcome(patientId, decided.status());
    }
}
