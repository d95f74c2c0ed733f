package org.painladder.domain.patient;

import java.util.Optional;
import java.util.Set;

/** Contraindications to interventional pain procedures (clinical-rules §3.4). */
public enum Contraindication {
    ANTICOAGULATED, COAGULOPATHY, SYSTEMIC_INFECTION, LOCAL_INFECTION, PATIENT_DECLINES;

    /**
     * Why an NSAID would make the patient bleed, or empty: an anticoagulant or a coagulopathy on record (§8.12). The
     * ladder's proposals and the regimen warnings ask this one question.
     */
    public static Optional<String> nsaidBleedingRisk(Set<Contraindication> contraindications) {
        return contraindications.contains(ANTICOAGULATED) || contraindications.contains(COAGULOPATHY)
                ? Optional.of("anticoagulated or coagulopathy on record: bleeding risk") : Optional.empty();
    }
}
