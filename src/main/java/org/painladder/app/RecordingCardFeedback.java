package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.DecidingRecommendation.ClinicianDecision;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.ladder.RecommendationStatus;
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

    private final Recommendations recommendations;
    private final DecidingRecommendation decidingRecommendation;

    RecordingCardFeedback(Recommendations recommendations, DecidingRecommendation decidingRecommendation) {
        this.recommendations = recommendations;
        this.decidingRecommendation = decidingRecommendation;
    }

    /** @param note the acceptance note, or the reason for overriding (required then) */
    @Transactional
    public Outcome record(UUID cardUuid, RecommendationStatus outcome, String clinician, String note) {
        Optional<Recommendation> recommendation = recommendations.findById(cardUuid);
        if (recommendation.isEmpty()) {
            return new Outcome(null, null);
        }
        UUID patientId = recommendation.get().patientId();
        if (recommendation.get().status() != RecommendationStatus.PENDING) {
            return new Outcome(patientId, null);
        }
        Recommendation decided = decidingRecommendation.decide(patientId, cardUuid, null,
                new ClinicianDecision(outcome, clinician, note));
        return new Outcome(patientId, decided.status());
    }
}
