package org.painladder.domain.ladder;

import java.util.Objects;
import java.util.Set;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;

/**
 * The fact that triggers an evaluation: a pain assessment was recorded, the regimen changed, or the patient factors
 * that change drug choice did (clinical-rules §8.2).
 */
public sealed interface NewFact {

    /** A pain assessment arrived (POST or FHIR); it may be older than others in the window (late EHR feed). */
    record AssessmentRecorded(PainAssessment assessment) implements NewFact {
        public AssessmentRecorded {
            Objects.requireNonNull(assessment, "assessment");
        }
    }

    /** The regimen was replaced; the snapshot's regimen is {@code after}. */
    record RegimenChanged(RegimenFacts before, RegimenFacts after) implements NewFact {
        public RegimenChanged {
            before = before == null ? RegimenFacts.none() : before;
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * The patient factors changed (a PATCH of renal function, hepatic impairment, frailty …, or a birth year that
     * moves the age band); the snapshot carries the new factors and bands.
     */
    record PatientFactorsChanged(PatientFactors before, PatientFactors after, Set<OrganFunctionBand> bandsBefore,
                                 Set<OrganFunctionBand> bandsAfter) implements NewFact {
        public PatientFactorsChanged {
            before = before == null ? PatientFactors.none() : before;
            after = after == null ? PatientFactors.none() : after;
            bandsBefore = bandsBefore == null ? Set.of() : Set.copyOf(bandsBefore);
            bandsAfter = bandsAfter == null ? Set.of() : Set.copyOf(bandsAfter);
        }
    }
}
