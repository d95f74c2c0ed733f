package org.painladder.domain.patient;

import java.util.Objects;
import java.util.Set;

/** What the EHR tells us about a patient, apart from pain: demographics, diagnosis, prognosis, constraints. */
public record PatientProfile(
        String mrn,
        Integer birthYear,
        Sex sex,
        Diagnosis diagnosis,
        Integer lifeExpectancyMonths,
        Set<Contraindication> contraindications,
        Set<PainCondition> painConditions,
        PatientStatus status,
        PatientFactors factors) {

    public PatientProfile {
        Objects.requireNonNull(mrn, "mrn");
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
        painConditions = painConditions == null ? Set.of() : Set.copyOf(painConditions);
        status = status == null ? PatientStatus.ACTIVE : status;
        factors = factors == null ? PatientFactors.none() : factors;
    }

    /**
     * DECEASED is final; a discharged patient may be readmitted. Any other move between statuses is allowed.
     */
    public boolean canMoveTo(PatientStatus next) {
        return status != PatientStatus.DECEASED || next == PatientStatus.DECEASED;
    }
}
