package org.painladder.domain.refractory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.RefractoryCase.TransitionResult;

class RefractoryCaseTransitionsTest {

    private static final Instant NOW = Vignette.NOW;

    private static RefractoryCase caseIn(CaseStatus status) {
        return new RefractoryCase(UUID.randomUUID(), UUID.randomUUID(), "MRN-1", PainSite.ABDOMEN_UPPER,
                PrimarySite.PANCREAS, NOW, status, null, List.of(), List.of(), 7, new BigDecimal("240"),
                NOW.minusSeconds(15 * 86_400), "dr.ortiz", null, 3);
    }

    @ParameterizedTest(name = "{0} → {1} is {2}")
    @CsvSource({"OPEN, UNDER_REVIEW, moved", "UNDER_REVIEW, REFERRED, moved", "OPEN, REFERRED, forbidden",
            "UNDER_REVIEW, OPEN, forbidden", "REFERRED, UNDER_REVIEW, forbidden", "OPEN, OPEN, forbidden",
            "CLOSED, OPEN, forbidden", "CLOSED, UNDER_REVIEW, forbidden"})
    void casesMoveForwardOneStepAtATime(CaseStatus from, CaseStatus to, String expected) {
        TransitionResult result = caseIn(from).moveTo(to, null, "pc.nurse.kim", null, null, NOW);
        assertEquals(expected, result instanceof TransitionResult.Moved ? "moved" : "forbidden");
    }

    @ParameterizedTest(name = "{0} → CLOSED with an outcome")
    @CsvSource({"OPEN", "UNDER_REVIEW", "REFERRED"})
    void anOpenCaseCanBeClosedFromAnyStatusWithAnOutcome(CaseStatus from) {
        TransitionResult.Moved moved = assertInstanceOf(TransitionResult.Moved.class,
                caseIn(from).moveTo(CaseStatus.CLOSED, CaseOutcome.NOT_A_CANDIDATE, "dr.ortiz", null, "frail", NOW));
        assertEquals(CaseStatus.CLOSED, moved.after().status());
        assertEquals(4, moved.after().version());
        assertEquals(new CaseTransition(from, CaseStatus.CLOSED, NOW, "dr.ortiz", "dr.ortiz", "frail",
                CaseOutcome.NOT_A_CANDIDATE), moved.entry());
    }

    @Test
    void closingWithoutAnOutcomeIsInvalidAndAnOutcomeOnlyBelongsToClosing() {
        assertEquals("outcome", assertInstanceOf(TransitionResult.Invalid.class,
                caseIn(CaseStatus.OPEN).moveTo(CaseStatus.CLOSED, null, "x", null, null, NOW)).field());
        assertEquals("outcome", assertInstanceOf(TransitionResult.Invalid.class, caseIn(CaseStatus.OPEN)
                .moveTo(CaseStatus.UNDER_REVIEW, CaseOutcome.DECEASED, "x", null, null, NOW)).field());
    }

    @Test
    void aTransitionMayHandTheCaseToANewAssignee() {
        TransitionResult.Moved moved = (TransitionResult.Moved) caseIn(CaseStatus.OPEN)
                .moveTo(CaseStatus.UNDER_REVIEW, null, "pc.nurse.kim", "dr.lee", null, NOW);
        assertEquals("dr.lee", moved.after().assignee());
    }

    @Test
    void theControlStreakStartsAtTheFirstControlledScoreAndBreaksOnUncontrolledPain() {
        Instant day1 = NOW.minusSeconds(3 * 86_400);
        RefractoryCase controlled = caseIn(CaseStatus.OPEN).withFigures(2, BigDecimal.TEN, PainControl.CONTROLLED, day1)
                .withFigures(3, BigDecimal.TEN, PainControl.CONTROLLED, NOW)
                .withFigures(3, BigDecimal.TEN, PainControl.UNKNOWN, NOW);
        assertEquals(day1, controlled.controlledSince());
        assertEquals(3, controlled.latestScore());
        assertNull(controlled.withFigures(6, BigDecimal.TEN, PainControl.UNCONTROLLED, NOW).controlledSince());
    }
}
