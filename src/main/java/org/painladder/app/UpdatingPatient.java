package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Recommendations;

/**
 * A clinician or EHR changes a patient's demographics, diagnosis, prognosis, contraindications, factors or status.
 * The MRN is the EHR's key and does not change; a deceased patient stays deceased. New patient factors are a new fact:
 * the ladder rules run on them in the same transaction. A death ends the patient's care here in the same transaction:
 * the open refractory case closes with outcome DECEASED, in the name of whoever reported it, and the advice waiting for
 * a clinician is superseded, so that neither the palliative team's worklist nor a clinician acts on it.
 */
@ApplicationScoped
public class UpdatingPatient {

    private final Patients patients;
    private final Clock clock;
    private final PatientRules patientRules;
    private final LadderEvaluation ladderEvaluation;
    private final MovingRefractoryCase movingCase;
    private final Recommendations recommendations;

    UpdatingPatient(Patients patients, Clock clock, PatientRules patientRules, LadderEvaluation ladderEvaluation,
                    MovingRefractoryCase movingCase, Recommendations recommendations) {
        this.patients = patients;
        this.clock = clock;
        this.patientRules = patientRules;
        this.ladderEvaluation = ladderEvaluation;
        this.movingCase = movingCase;
        this.recommendations = recommendations;
    }

    /**
     * @param expectedVersion the versions named by If-Match
     * @param change          turns the stored profile into the new one (a JSON merge patch, for the API)
     * @param actor           the signed-in user who sent the change
     */
    @Transactional
    public Patient update(UUID patientId, ExpectedVersion expectedVersion, UnaryOperator<PatientProfile> change,
                          String actor) {
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
        if (changed.status() == PatientStatus.DECEASED && current.profile().status() != PatientStatus.DECEASED) {
            endCare(updated, actor, now);
            return updated;
        }
        if (changesDrugChoice(current.profile(), changed, now)) {
            ladderEvaluation.afterPatientFactorsChange(updated, current.profile(), now);
        }
        return updated;
    }

    private void endCare(Patient deceased, String actor, Instant now) {
        UUID openCase = deceased.state().openRefractoryCaseId();
        if (openCase != null) {
            movingCase.closeOnDeath(deceased, openCase, actor, now);
        }
        recommendations.pending(deceased.id())
                .forEach(pending -> recommendations.supersede(pending.id(), null, now));
    }

    /** New factors, or a birth year that moves the patient into or out of ELDERLY_OR_FRAIL (clinical-rules §8.2). */
    private static boolean changesDrugChoice(PatientProfile before, PatientProfile after, Instant now) {
        int year = LadderEvaluation.yearOf(now);
        return !before.factors().equals(after.factors())
                || !before.factors().bands(before.birthYear(), year).equals(after.factors().bands(after.birthYear(), year));
    }
}
