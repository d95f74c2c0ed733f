package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainTrend;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.persistence.LadderTransitions;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Procedures;
import org.painladder.persistence.Recommendations;
import org.painladder.persistence.Regimens;

/**
 * One patient's pain story as the palliative team reads it at the morning meeting: the scores of the last
 * {@link #DAYS} days with their daily trend, the ladder moves and regimen changes to read them against, the regimen in
 * force and the advice still waiting for a clinician. One read-only transaction, so every part is from the same moment.
 */
@ApplicationScoped
public class ReadingPainStory {

    /** The window the dashboard charts; the benchmark's patient page has as many days of scores. */
    public static final int DAYS = 90;
    /** Regimen versions read for the time axis: more changes than this in {@link #DAYS} days would not be legible. */
    private static final int REGIMEN_VERSIONS = 100;

    /**
     * @param assessments    every assessment in the window, oldest first
     * @param transitions    every ladder move, oldest first (the chart's step bands start before the window)
     * @param regimens       regimen versions, newest first
     * @param currentRegimen empty until a first regimen is recorded
     */
    public record PainStory(Patient patient, Instant from, Instant to, List<PainAssessment> assessments,
                            PainTrend trend, List<LadderTransition> transitions, List<RecordedRegimen> regimens,
                            List<Procedure> procedures, Optional<RecordedRegimen> currentRegimen,
                            List<Recommendation> pending) {
    }

    private final ReadingPatients readingPatients;
    private final PainAssessments assessments;
    private final LadderTransitions transitions;
    private final Regimens regimens;
    private final Procedures procedures;
    private final Recommendations recommendations;
    private final Clock clock;
    private final RulesConfig rules;

    ReadingPainStory(ReadingPatients readingPatients, PainAssessments assessments,
                     LadderTransitions transitions, Regimens regimens, Procedures procedures,
                     Recommendations recommendations, Clock clock, RulesConfig rules) {
        this.readingPatients = readingPatients;
        this.assessments = assessments;
        this.transitions = transitions;
        this.regimens = regimens;
        this.procedures = procedures;
        this.recommendations = recommendations;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public PainStory story(UUID patientId) {
        Patient patient = readingPatients.find(patientId);
        Instant now = clock.instant();
        Instant from = now.minusSeconds(DAYS * 86_400L);
        List<PainAssessment> window = assessments.window(patientId, from, now);
        return new PainStory(patient, from, now, window, PainTrend.of(window, DAYS, now, rules.bandEdges()),
                transitions.of(patientId), regimens.history(patientId, 0, REGIMEN_VERSIONS).items(),
                procedures.history(patientId), regimens.current(patientId), recommendations.pending(patientId));
    }
}
