package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.persistence.Patients;

/**
 * A clinician or EHR changes a patient's demographics, diagnosis, prognosis, contraindications, factors or status.
 * The MRN is the EHR's key and does not change; a deceased patient stays deceased. New patient factors are a new fact:
 * the ladder rules run on them in the same transaction.
 */
@ApplicationScoped
public class UpdatingPatient {

    private final Patients patients;
    private final Clock clock;
    private final PatientRules patientRules;
    private final LadderEvaluation ladderEvaluation;

    UpdatingPatient(Patients patients, Clock clock, PatientRules patientRules, LadderEvaluation ladderEvaluation) {
        this.patients = patients;
        this.clock = clock;
        this.patientRules = patientRules;
        this.ladderEvaluation = ladderEvaluation;
    }

    /**
     * @param expectedVersion the versions named by If-Match
     * @param change          turns the stored profile into the new one (a JSON merge patch, for the API)
     */
    @Transactional
    public Patient update(UUID patientId, ExpectedVersion expectedVersion, UnaryOperator<PatientProfile> change) {
        Patient current = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        expectedVersion.check(current.version());
        PatientProfile changed = change.apply(current.profile());
        if (!changed.mrn().equals(current.profile().mrn())) {
            throw new ClinicalValidationException("mrn", "is the EHR's identifier for this patient and cannot be"
                    + " changed; register the other MRN as its own patient");
        }
        if (!current.profile().canMoveTo(changed.status())) {
            throw new ConflictException("The patient is " + current.profile().status() + "; the status cannot move to "
                    + changed.status());
        }
        patientRules.check(changed);
        if (changed.equals(current.profile())) {
            return current;
        }
        Instant now = clock.instant();
        Patient updated = patients.updateProfile(patientId, changed, now);
        if (changesDrugChoice(current.profile(), changed, now)) {
            ladderEvaluation.afterPatientFactorsChange(updated, current.profile(), now);
        }
        return updated;
    }

    /** New factors, or a birth year that moves the patient into or out of ELDERLY_OR_FRAIL (clinical-rules §8.2). */
    private static boolean changesDrugChoice(PatientProfile before, PatientProfile after, Instant now) {
        int year = LadderEvaluation.yearOf(now);
        return !before.factors().equals(after.factors())
                || !before.factors().bands(before.birthYear(), year).equals(after.factors().bands(after.birthYear(), year));
    }
}
