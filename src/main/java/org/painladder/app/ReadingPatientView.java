package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.persistence.Patients;
import org.painladder.persistence.Recommendations;
import org.painladder.persistence.RefractoryCases;
import org.painladder.persistence.Regimens;

/**
 * What an EHR shows when a chart opens (CDS Hooks patient-view): the patient, the advice still waiting for a
 * clinician, the open refractory case, and the regimen the advice would change. A handful of keyed reads, no writes.
 */
@ApplicationScoped
public class ReadingPatientView {

    /** @param currentRegimen empty until a first regimen is recorded */
    public record PatientView(Patient patient, List<Recommendation> pending, Optional<RefractoryCase> openCase,
                              Optional<RecordedRegimen> currentRegimen) {
    }

    private final Patients patients;
    private final Recommendations recommendations;
    private final RefractoryCases refractoryCases;
    private final Regimens regimens;
    private final ReadingPatients readingPatients;

    ReadingPatientView(Patients patients, Recommendations recommendations, RefractoryCases refractoryCases,
                       Regimens regimens, ReadingPatients readingPatients) {
        this.patients = patients;
        this.recommendations = recommendations;
        this.refractoryCases = refractoryCases;
        this.regimens = regimens;
        this.readingPatients = readingPatients;
    }

    /** The patient by painladder id, else by the EHR's MRN; empty when neither names a patient registered here. */
    @Transactional
    public Optional<Patient> patient(UUID patientId, String mrn) {
        return byIdElseMrn(patientId, mrn, patients::find,
                byMrn -> patients.list(byMrn, 0, 1).items().stream().findFirst()).map(readingPatients::asOfNow);
    }

    /**
     * The chart of the patient by painladder id, else by the EHR's MRN, as {@link #patient} finds it; the patient and
     * its pending advice come in one statement, the open case and the current regimen only when there are any.
     */
    @Transactional
    public Optional<PatientView> view(UUID patientId, String mrn) {
        return byIdElseMrn(patientId, mrn, byId -> recommendations.patientWithPending(byId, null),
                byMrn -> recommendations.patientWithPending(null, byMrn)).map(chart -> {
            Patient patient = readingPatients.asOfNow(chart.patient());
            UUID openCaseId = patient.state().openRefractoryCaseId();
            return new PatientView(patient, chart.pending(),
                    openCaseId == null ? Optional.empty() : refractoryCases.find(openCaseId),
                    regimens.current(patient.id()));
        });
    }

    /** How a CDS Hooks request names its patient: by painladder id when that one is registered, else by MRN. */
    private static <T> Optional<T> byIdElseMrn(UUID patientId, String mrn, Function<UUID, Optional<T>> byId,
                                               Function<String, Optional<T>> byMrn) {
        Optional<T> found = patientId == null ? Optional.empty() : byId.apply(patientId);
        return found.isPresent() || mrn == null ? found : byMrn.apply(mrn);
    }
}
