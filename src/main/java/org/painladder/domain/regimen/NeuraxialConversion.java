package org.painladder.domain.regimen;

/**
 * Why conversions stop at the spinal routes (clinical-rules §8.10): the 1 : 10 : 100 : 300 ratio is taught for
 * display, and a spinal start follows a specialist protocol that starts low (PACC 2017), not an equianalgesic sum.
 */
final class NeuraxialConversion {

    static final String INTO_REFUSED = "no conversion into an epidural or intrathecal line: the starting dose follows a"
            + " specialist protocol that starts low (PACC 2017: intrathecal morphine 0.1-0.5 mg/d in the opioid-"
            + "exposed), not the 1 : 10 : 100 : 300 ratio, which is approximate and for display only (Krames 1996)";

    private NeuraxialConversion() {
    }

    static Caution outOfCaution(Route route) {
        return new Caution("NEURAXIAL_APPROXIMATE", "Out of an " + route + " line the oral equivalent rests on the"
                + " approximate 1 : 10 : 100 : 300 ratio (intrathecal : epidural : IV : oral morphine; Krames 1996;"
                + " PACC 2017): with a pain specialist, start the systemic opioid low, keep rescue doses at hand and"
                + " reassess within hours, as the spinal effect wears off and withdrawal or pain may appear.");
    }
}
