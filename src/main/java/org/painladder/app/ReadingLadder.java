package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.persistence.LadderTransitions;
import org.painladder.persistence.Page;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Procedures;
import org.painladder.persistence.Recommendations;

/** The patient's ladder step with every move it made, and the recommendations the rules gave. */
@ApplicationScoped
public class ReadingLadder {

    /** The step now, since when, every transition oldest first, and the procedures done (§8.10), oldest first. */
    public record Ladder(int step, Instant since, List<LadderTransition> transitions, List<Procedure> procedures) {
    }

    private final Patients patients;
    private final Recommendations recommendations;
    private final LadderTransitions transitions;

    private final Procedures procedures;

    ReadingLadder(Patients patients, Recommendations recommendations, LadderTransitions transitions,
                  Procedures procedures) {
        this.procedures = procedures;
        this.patients = patients;
        this.recommendations = recommendations;
        this.transitions = transitions;
    }

    @Transactional
    public Ladder ladder(UUID patientId) {
        Patient patient = requirePatient(patientId);
        return new Ladder(patient.state().ladderStep(), patient.state().ladderSince(), transitions.of(patientId),
                procedures.history(patientId));
    }

    /**
     * Newest first; every status when {@code status} is null. A page with a recommendation says the patient exists;
     * only an empty one needs the patient read to tell an empty list from an unknown patient.
     */
    @Transactional
    public Page<Recommendation> recommendations(UUID patientId, RecommendationStatus status, int page, int size) {
        Page<Recommendation> listed = recommendations.list(patientId, status, page, size);
        if (listed.items().isEmpty()) {
            requirePatient(patientId);
        }
        return listed;
    }

    @Transactional
    public Recommendation recommendation(UUID patientId, UUID recommendationId) {
        requirePatient(patientId);
        return recommendations.find(patientId, recommendationId)
                .orElseThrow(() -> new NotFoundException("recommendation", recommendationId));
    }

    private Patient requirePatient(UUID patientId) {
        return patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
    }
}
