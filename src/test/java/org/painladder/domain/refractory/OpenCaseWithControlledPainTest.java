package org.painladder.domain.refractory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** REF-02: a week of controlled pain suggests closing the case; the service never closes it by itself. */
class OpenCaseWithControlledPainTest {

    private static final Instant NOW = Vignette.NOW;
    private final RefractoryDetector detector = new RefractoryDetector(RefractoryPolicy.defaults());

    @Test
    void sevenControlledDaysSuggestClosingWithPainControlled_REF02() {
        ClosingSuggestion suggestion = detector.closingSuggestion(CaseStatus.UNDER_REVIEW,
                NOW.minus(Duration.ofDays(7)), NOW).orElseThrow();
        assertEquals("REF-02", suggestion.ruleId());
        assertEquals(CaseStatus.CLOSED, suggestion.to());
        assertEquals(CaseOutcome.PAIN_CONTROLLED, suggestion.outcome());
        assertTrue(suggestion.rationale().startsWith("Pain controlled since 2026-11-13 (7 days ≥ 7)"));
    }

    @Test
    void sixControlledDaysAreNotEnough() {
        assertTrue(detector.closingSuggestion(CaseStatus.OPEN, NOW.minus(Duration.ofDays(6)), NOW).isEmpty());
    }

    @Test
    void uncontrolledOrClosedCasesGetNoSuggestion() {
        assertTrue(detector.closingSuggestion(CaseStatus.OPEN, null, NOW).isEmpty());
        assertTrue(detector.closingSuggestion(CaseStatus.CLOSED, NOW.minus(Duration.ofDays(30)), NOW).isEmpty());
    }
}
