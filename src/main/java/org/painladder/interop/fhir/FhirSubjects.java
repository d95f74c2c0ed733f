package org.painladder.interop.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.NotFoundException;
import org.painladder.app.ReadingPatients;

/**
 * Whose resource it is: a FHIR subject names the patient as {@code Patient/{id}} (an id issued here) or by the EHR's
 * MRN identifier (value, and system when given, which must be the configured MRN system).
 */
@ApplicationScoped
class FhirSubjects {

    private final ReadingPatients readingPatients;
    private final String mrnSystem;

    FhirSubjects(ReadingPatients readingPatients, @ConfigProperty(name = "painladder.fhir.mrn-system") String mrnSystem) {
        this.readingPatients = readingPatients;
        this.mrnSystem = mrnSystem;
    }

    /** @param element where the subject sits, for the violation (Observation.subject …) */
    UUID patientOf(PainObservations.Subject subject, String element) {
        if (subject instanceof PainObservations.Subject.ByMrn byMrn) {
            if (byMrn.system() != null && !byMrn.system().equals(mrnSystem)) {
                throw new ClinicalValidationException(element + ".identifier.system",
                        "must be " + mrnSystem + " (the MRN system configured here)");
            }
            return readingPatients.list(byMrn.mrn(), 0, 1).items().stream().findFirst()
                    .orElseThrow(() -> unknownSubject(element)).id();
        }
        UUID id = uuid(((PainObservations.Subject.ById) subject).patientId(), element + ".reference");
        try {
            return readingPatients.find(id).id();
        } catch (NotFoundException unknown) {
            throw unknownSubject(element);
        }
    }

    private static ClinicalValidationException unknownSubject(String element) {
        return new ClinicalValidationException(element, "names no patient registered here");
    }

    static UUID uuid(String value, String element) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new ClinicalValidationException(element, "is not an id issued by this service");
        }
    }
}
