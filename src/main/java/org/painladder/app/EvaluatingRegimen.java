package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.OpioidTolerance;
import org.painladder.domain.regimen.PatientOrganFunction;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.persistence.Regimens;

/**
 * What a regimen means for this patient from a given moment: step, OMEDD with its trace, and every regimen warning,
 * judged with the opioid tolerance of the week before and the patient's organ function (clinical-rules §8.2). One place for it, so that a regimen recorded by PUT /regimen
 * or a FHIR Bundle and a draft order weighed by a CDS hook get exactly the same figures and warnings.
 */
@ApplicationScoped
public class EvaluatingRegimen {

    private final Regimens regimens;
    private final Formulary formulary;

    EvaluatingRegimen(Regimens regimens, Formulary formulary) {
        this.regimens = regimens;
        this.formulary = formulary;
    }

    public RegimenEvaluation evaluate(Patient patient, Regimen regimen, Instant effectiveAt) {
        OpioidTolerance tolerance = OpioidTolerance.assess(effectiveAt,
                regimens.inForceSince(patient.id(), effectiveAt.minus(OpioidTolerance.MIN_DURATION)), formulary);
        return regimen.evaluate(formulary, tolerance, PatientOrganFunction.of(patient.profile().factors(),
                patient.profile().birthYear(), LadderEvaluation.yearOf(effectiveAt),
                patient.profile().contraindications()));
    }
}
