package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.painladder.domain.pain.PainTrend;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.domain.procedure.Procedure;
import org.painladder.persistence.Page;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Procedures;

/** The patient's pain timeline, newest first, and its trend over recent days. */
@ApplicationScoped
public class ReadingPainTimeline {

    private final Patients patients;
    private final PainAssessments assessments;
    private final Clock clock;
    private final RulesConfig rules;

    private final Procedures procedures;

    ReadingPainTimeline(Patients patients, PainAssessments assessments, Clock clock, RulesConfig rules,
                        Procedures procedures) {
        this.procedures = procedures;
        this.patients = patients;
        this.assessments = assessments;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public Page<RecordedAssessment> timeline(UUID patientId, Instant from, Instant to, int page, int size) {
        return assessments.timeline(patientId, from, to, page, size)
                .orElseThrow(() -> new NotFoundException("patient", patientId));
    }

    @Transactional
    public RecordedAssessment assessment(UUID patientId, UUID assessmentId) {
        requirePatient(patientId);
        return assessments.find(patientId, assessmentId)
                .orElseThrow(() -> new NotFoundException("pain assessment", assessmentId));
    }

    @Transactional
    public RecordedAssessment assessmentById(UUID assessmentId) {
        return assessments.find(assessmentId).orElseThrow(() -> new NotFoundException("pain assessment", assessmentId));
    }

    /** The trend and the procedures done in the same days, to read the scores against (§8.10). */
    public record Trend(PainTrend trend, List<Procedure> procedures) {
    }

    @Transactional
    public Trend trend(UUID patientId, int days) {
        Instant now = clock.instant();
        Instant from = now.minusSeconds(days * 86_400L);
        PainAssessments.TrendWindow window = assessments.trendWindow(patientId, from, now)
                .orElseThrow(() -> new NotFoundException("patient", patientId));
        return new Trend(PainTrend.of(window.assessments(), days, now, rules.bandEdges()),
                procedures.performedBetween(patientId, window.latestProcedureAt(), from, now));
    }

    private void requirePatient(UUID patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw new NotFoundException("patient", patientId);
        }
    }
}
