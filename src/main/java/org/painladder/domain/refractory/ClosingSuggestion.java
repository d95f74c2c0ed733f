package org.painladder.domain.refractory;

import java.time.Instant;

/**
 * REF-02: pain has been controlled long enough that the case may be closed with PAIN_CONTROLLED. A suggestion for
 * the palliative team to act on; the service never closes a case by itself.
 */
public record ClosingSuggestion(String ruleId, CaseStatus to, CaseOutcome outcome, Instant controlledSince,
                                String rationale) {
    public static final String RULE_ID = "REF-02";
}
