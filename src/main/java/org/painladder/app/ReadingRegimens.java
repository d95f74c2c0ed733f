package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.persistence.Page;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Regimens;

/** The regimen in force and the history of earlier versions, newest first. */
@ApplicationScoped
public class ReadingRegimens {

    private final Patients patients;
    private final Regimens regimens;

    ReadingRegimens(Patients patients, Regimens regimens) {
        this.patients = patients;
        this.regimens = regimens;
    }

    /** @throws NotFoundException for an unknown patient, and for a patient with no regimen recorded yet */
    @Transactional
    public RecordedRegimen current(UUID patientId) {
        requirePatient(patientId);
        return regimens.current(patientId).orElseThrow(() -> new NotFoundException("Patient " + patientId
                + " has no regimen recorded yet; PUT one to start (an empty items list records that all"
                + " analgesics were stopped)"));
    }

    /** Empty while no regimen is recorded. @throws NotFoundException for an unknown patient */
    @Transactional
    public Optional<RecordedRegimen> inForce(UUID patientId) {
        requirePatient(patientId);
        return regimens.current(patientId);
    }

    /**
     * The regimen version, if it is the one in force: its lines are the patient's active orders, a superseded
     * version's are not. Empty for an id that names no version.
     */
    @Transactional
    public Optional<RecordedRegimen> inForceAsVersion(UUID regimenId) {
        return regimens.patientOf(regimenId).flatMap(regimens::current)
                .filter(current -> current.id().equals(regimenId));
    }

    @Transactional
    public Page<RecordedRegimen> history(UUID patientId, int page, int size) {
        requirePatient(patientId);
        return regimens.history(patientId, page, size);
    }

    private void requirePatient(UUID patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw new NotFoundException("patient", patientId);
        }
    }
}
