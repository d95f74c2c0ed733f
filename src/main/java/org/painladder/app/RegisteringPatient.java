package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.persistence.DuplicateMrnException;
import org.painladder.persistence.Patients;

/** An EHR registers a patient; the MRN is unique, enforced by the database. */
@ApplicationScoped
public class RegisteringPatient {

    private final Patients patients;
    private final Clock clock;
    private final PatientRules patientRules;

    RegisteringPatient(Patients patients, Clock clock, PatientRules patientRules) {
        this.patients = patients;
        this.clock = clock;
        this.patientRules = patientRules;
    }

    @Transactional
    public Patient register(PatientProfile profile) {
        patientRules.check(profile);
        try {
            return patients.insert(UUID.randomUUID(), profile, clock.instant());
        } catch (DuplicateMrnException duplicate) {
            // The MRN identifies a patient: it is named, never echoed (api.md "Strict input").
            throw new ConflictException("A patient with this MRN is already registered;"
                    + " look it up with GET /api/v1/patients?mrn=");
        }
    }
}
