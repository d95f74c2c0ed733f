package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which strong opioids have had an adequate trial for REF-01 (fourth outside review, finding 5): a switch counts once
 * it has been given a week, or once a titration step on it has had its interval; never a patch 80 h old and untitrated.
 */
class StepThreeTrialTest {

    private static final Instant NOW = Assessments.NOW;
    private static final LadderPolicy POLICY = LadderPolicy.defaults();

    private static Instant hoursAgo(double hours) {
        return NOW.minus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private static RegimenFacts onStep3(Instant lastChange, OpioidTrial... trials) {
        ScheduledDrug patch = new ScheduledDrug("FENTANYL", ScheduledDrug.STRONG_OPIOID, "TRANSDERMAL",
                BigDecimal.valueOf(25), "mcg/h", BigDecimal.valueOf(60), false);
        return new RegimenFacts(3, BigDecimal.valueOf(60), BigDecimal.ZERO, List.of(patch), List.of(), 2, lastChange,
                lastChange, hoursAgo(20 * 24), Set.of("MORPHINE", "FENTANYL"), false, Set.of("FENTANYL"), List.of(),
                Set.of(), null, List.of(trials));
    }

    private static OpioidTrial morphineUntil(double hoursAgo) {
        return new OpioidTrial("MORPHINE", "ORAL", hoursAgo(20 * 24), hoursAgo(hoursAgo), List.of());
    }

    @Test
    void anUntitratedPatchOf80HoursIsNotYetATrialButTheMorphineBeforeItWas() {
        RegimenFacts regimen = onStep3(hoursAgo(80), morphineUntil(80),
                new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(80), null, List.of()));
        assertEquals(Set.of("MORPHINE"), StepThreeTrial.adequatelyTried(regimen, POLICY, NOW));
        List<String> onTrial = StepThreeTrial.stillOnTrial(regimen, POLICY, NOW);
        assertEquals(1, onTrial.size(), onTrial.toString());
        assertTrue(onTrial.get(0).startsWith("fentanyl started 80 h ago, not yet titrated"), onTrial.get(0));
    }

    @Test
    void aPatchGivenAWeekCounts() {
        assertEquals(Set.of("FENTANYL", "MORPHINE"), StepThreeTrial.adequatelyTried(onStep3(hoursAgo(7 * 24),
                morphineUntil(7 * 24), new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(7 * 24), null, List.of())),
                POLICY, NOW));
    }

    @Test
    void aPatchRaisedOnceCountsOnlyAfterThe72HoursOfItsNewStrength() {
        OpioidTrial raised71 = new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(150), null, List.of(hoursAgo(71)));
        OpioidTrial raised73 = new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(150), null, List.of(hoursAgo(73)));
        assertEquals(Set.of("MORPHINE"), StepThreeTrial.adequatelyTried(onStep3(hoursAgo(71), morphineUntil(150),
                raised71), POLICY, NOW));
        assertEquals(Set.of("FENTANYL", "MORPHINE"), StepThreeTrial.adequatelyTried(onStep3(hoursAgo(73),
                morphineUntil(150), raised73), POLICY, NOW));
    }

    @Test
    void aPatchInsideIts72HoursLeavesTheDoseInForceUnjudged() {
        RegimenFacts regimen = onStep3(hoursAgo(48), morphineUntil(48),
                new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(48), null, List.of()));
        assertTrue(StepThreeTrial.doseNotYetJudged(regimen, POLICY, NOW).isPresent());
        assertTrue(StepThreeTrial.doseNotYetJudged(onStep3(hoursAgo(80), morphineUntil(80),
                new OpioidTrial("FENTANYL", "TRANSDERMAL", hoursAgo(80), null, List.of())), POLICY, NOW).isEmpty());
    }

    @Test
    void withoutTrialsFromTheHistoryEveryStrongOpioidScheduledCounts() {
        assertEquals(Set.of("FENTANYL", "MORPHINE"), StepThreeTrial.adequatelyTried(onStep3(hoursAgo(80)), POLICY,
                NOW));
    }
}
