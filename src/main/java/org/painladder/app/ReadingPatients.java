package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.persistence.Page;
import org.painladder.persistence.Patients;

/** Reads patients with their live state as of now: pain control turns UNKNOWN once the latest score is stale. */
@ApplicationScoped
public class ReadingPatients {

    private final Patients patients;
    private final Clock clock;
    private final RulesConfig rules;

    ReadingPatients(Patients patients, Clock clock, RulesConfig rules) {
        this.patients = patients;
        this.clock = clock;
        this.rules = rules;
    }

    public Patient find(UUID patientId) {
        return patients.find(patientId).map(this::asOfNow).orElseThrow(() -> new NotFoundException("patient", patientId));
    }

    public Page<Patient> list(String mrn, int page, int size) {
        return patients.list(mrn, page, size).map(this::asOfNow);
    }

    Patient asOfNow(Patient patient) {
        LiveState state = patient.state();
        PainControl now = PainControl.of(state.latestBackgroundScore(), state.latestBackgroundAt(),
                state.latestBreakthroughEpisodes24h(), clock.instant(), rules.staleness(), rules.bandEdges());
        if (now == state.painControl()) {
            return patient;
        }
        return new Patient(patient.id(), patient.profile(), state.withPainControl(now), patient.createdAt(),
                patient.updatedAt(), patient.statusSince(), patient.version());
    }
}
