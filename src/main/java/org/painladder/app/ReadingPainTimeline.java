package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.pain.PainTrend;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.persistence.Page;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Patients;

/** The patient's pain timeline, newest first, and its trend over recent days. */
@ApplicationScoped
public class ReadingPainTimeline {

    private final Patients patients;
    private final PainAssessments assessments;
    private final Clock clock;
    private final RulesConfig rules;

    ReadingPainTimeline(Patients patients, PainAssessments assessments, Clock clock, RulesConfig rules) {
        this.patients = patients;
        this.assessments = assessments;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public Page<RecordedAssessment> timeline(UUID patientId, Instant from, Instant to, int page, int size) {
        requirePatient(patientId);
        return assessments.timeline(patientId, from, to, page, size);
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

    @Transactional
    public PainTrend trend(UUID patientId, int days) {
        requirePatient(patientId);
        Instant now = clock.instant();
        return PainTrend.of(assessments.window(patientId, now.minusSeconds(days * 86_400L), now), days, now,
                rules.bandEdges());
    }

    private void requirePatient(UUID patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw new NotFoundException("patient", patientId);
        }
    }
}
