package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/** The scheduled opioid a dose change applies to: the one carrying most of the OMEDD (ties: by code, for
 * determinism); never a spinal or PCA line, which the ladder does not titrate (§8.10). */
final class PrimaryOpioid {

    private PrimaryOpioid() {
    }

    static Optional<ScheduledDrug> of(RegimenFacts regimen) {
        return regimen.scheduled().stream().filter(ScheduledDrug::titratable).filter(ScheduledDrug::isOpioid)
                .min(byWeight());
    }

    /** A spinal or PCA opioid line, for safety cuts when no systemic line is titratable. */
    static Optional<ScheduledDrug> untitrated(RegimenFacts regimen) {
        return regimen.scheduled().stream().filter(drug -> !drug.titratable()).filter(ScheduledDrug::isOpioid)
                .min(byWeight());
    }

    static Optional<ScheduledDrug> strong(RegimenFacts regimen) {
        return regimen.scheduled().stream().filter(ScheduledDrug::titratable).filter(ScheduledDrug::isStrongOpioid)
                .min(byWeight());
    }

    static Optional<ScheduledDrug> weak(RegimenFacts regimen) {
        return regimen.scheduled().stream().filter(ScheduledDrug::titratable).filter(ScheduledDrug::isWeakOpioid)
                .min(byWeight());
    }

    private static Comparator<ScheduledDrug> byWeight() {
        Comparator<ScheduledDrug> byOmedd = Comparator.comparing(
                d -> d.omeddMg() == null ? BigDecimal.ZERO : d.omeddMg(), Comparator.reverseOrder());
        return byOmedd.thenComparing(ScheduledDrug::code).thenComparing(ScheduledDrug::route);
    }

    /** The step the scheduled (by the clock) drugs put the patient on: PRN-only opioids do not count here. */
    static int scheduledStep(RegimenFacts regimen) {
        if (regimen.scheduled().stream().anyMatch(ScheduledDrug::isStrongOpioid)) {
            return 3;
        }
        if (regimen.scheduled().stream().anyMatch(ScheduledDrug::isWeakOpioid)) {
            return 2;
        }
        return regimen.scheduled().stream().anyMatch(ScheduledDrug::isNonOpioid) ? 1 : 0;
    }
}
