package org.painladder.interop.cdshooks;

import org.painladder.domain.ladder.RecommendationType;

/**
 * How urgent a card looks in the EHR (api.md "CDS Hooks 2.0"): critical for the SAFETY rules, red flags and
 * refractory pain, warning for a ladder move, info for the rest (maintain the regimen, co-advice). Read from the rule
 * code's family, so that rules added to a family later get the family's indicator.
 */
final class CardIndicators {

    static final String CRITICAL = "critical";
    static final String WARNING = "warning";
    static final String INFO = "info";

    private CardIndicators() {
    }

    /** @param markedCritical the proposal says {@code critical: true} (a safety case such as TOL-01's patch) */
    static String of(String ruleCode, RecommendationType type, boolean markedCritical) {
        if (markedCritical || ruleCode.startsWith("SAF-") || ruleCode.startsWith("RF-") || ruleCode.equals("REF-01")) {
            return CRITICAL;
        }
        if (type.isLadderMove() && type != RecommendationType.MAINTAIN) {
            return WARNING;
        }
        return INFO;
    }
}
