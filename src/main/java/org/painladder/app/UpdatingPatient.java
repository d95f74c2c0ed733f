package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.persistence.Patients;

/**
 * A clinician or EHR changes a patient's demographics, diagnosis, prognosis, contraindications or status. The MRN is
 * the EHR's key and does not change; a deceased patient stays deceased.
 */
@ApplicationScoped
public class UpdatingPatient {

    private final Patients patients;
    private final Clock clock;
    private final PatientRules patientRules;

    UpdatingPatient(Patients patients, Clock clock, PatientRules patientRules) {
        this.patients = patients;
        this.clock = clock;
        this.patientRules = patientRules;
    }

    /**
     * @param expectedVersion the version named by If-Match, or null when the client sent none
     * @param change          turns the stored profile into the new one (a JSON merge patch, for the API)
     */
    @Transactional
    public Patient update(UUID patientId, Long expectedVersion, UnaryOperator<PatientProfile> change) {
        Patient current = patients.findForUpdate(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException(expectedVersion, current.version());
        }
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
        return patients.updateProfile(patientId, changed, clock.instant());
    }
}
