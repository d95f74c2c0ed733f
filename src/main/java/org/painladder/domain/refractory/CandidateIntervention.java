package org.painladder.domain.refractory;

import java.util.List;
import java.util.Objects;
import org.painladder.domain.patient.Contraindication;

/**
 * One option for the palliative team, in the advisor's order. A contraindicated option stays on the list with
 * {@code contraindicatedBy} filled in so the team sees what was ruled out and why (clinical-rules §3.4).
 *
 * @param rationale         why this option fits this patient, in clinical words
 * @param contraindicatedBy the patient's absolute contraindications to it
 * @param cautions          relative contraindications and checks to make before referral
 */
public record CandidateIntervention(InterventionType type, String rationale, List<Contraindication> contraindicatedBy,
                                    List<String> cautions) {
    public CandidateIntervention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rationale, "rationale");
        contraindicatedBy = contraindicatedBy == null ? List.of() : List.copyOf(contraindicatedBy);
        cautions = cautions == null ? List.of() : List.copyOf(cautions);
    }

    public boolean isContraindicated() {
        return !contraindicatedBy.isEmpty();
    }
}
