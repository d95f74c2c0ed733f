package org.painladder.domain.ladder;

import java.util.Objects;
import org.painladder.domain.pain.PainAssessment;

/** The fact that triggers an evaluation: a pain assessment was recorded, or the regimen changed. */
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
}
