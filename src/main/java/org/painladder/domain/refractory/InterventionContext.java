package org.painladder.domain.refractory;

import java.util.Set;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PrimarySite;

/**
 * What the advisor weighs: where the pain is and what kind, the tumour, the prognosis and the contraindications.
 *
 * @param site                 the site of the latest background assessment, or null
 * @param lifeExpectancyMonths null when the team has not recorded one
 */
public record InterventionContext(PainSite site, PainMechanism mechanism, PrimarySite primarySite,
                                  boolean boneMetastases, Integer lifeExpectancyMonths,
                                  Set<Contraindication> contraindications) {
    public InterventionContext {
        mechanism = mechanism == null ? PainMechanism.UNKNOWN : mechanism;
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
    }
}
