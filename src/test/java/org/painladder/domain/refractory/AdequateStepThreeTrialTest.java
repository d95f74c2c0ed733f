package org.painladder.domain.refractory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.refractory.Vignette.onStep3;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.refractory.RefractoryVerdict.NotRefractory;
import org.painladder.domain.refractory.RefractoryVerdict.Reason;
import org.painladder.domain.refractory.RefractoryVerdict.Refractory;

/**
 * REF-01 after an adequate, titrated step 3 (fourth outside review, finding 5): two opioids fail only when the ladder
 * has no up-titration of the current one left to propose, and no limit is judged on a dose given for less than its
 * titration interval. A dose-limiting adverse effect is a limit whatever the titration.
 */
class AdequateStepThreeTrialTest {

    private static final RefractoryDetector DETECTOR = new RefractoryDetector(RefractoryPolicy.defaults());

    private static RefractoryVerdict verdict(Vignette vignette, List<String> onTrial, String notJudged,
                                             String upTitration) {
        return DETECTOR.evaluate(vignette.facts().withTrial(onTrial, notJudged, upTitration));
    }

    @Test
    void twoOpioidsDoNotFailWhileTheLadderStillTitratesTheSecond() {
        NotRefractory not = assertInstanceOf(NotRefractory.class, verdict(onStep3().omedd("60", null)
                .opioidsTried("MORPHINE", "FENTANYL"), List.of(), null, "LAD-06 proposes fentanyl 25 → 37.5 mcg/h"));
        assertEquals(Reason.NO_ESCALATION_LIMIT_REACHED, not.reason());
        assertTrue(not.detail().contains("still being titrated (LAD-06 proposes fentanyl 25 → 37.5 mcg/h)"),
                not.detail());
    }

    @Test
    void anOpioidStillOnItsTrialIsNamedWhenNothingElseIsALimit() {
        NotRefractory not = assertInstanceOf(NotRefractory.class, verdict(onStep3().omedd("60", null)
                .opioidsTried("MORPHINE"), List.of("fentanyl started 80 h ago, not yet titrated"), null, null));
        assertTrue(not.detail().contains("not yet an adequate trial: fentanyl started 80 h ago"), not.detail());
    }

    @Test
    void highOmeddWaitsForTheDoseInForceToHaveHadItsInterval() {
        NotRefractory not = assertInstanceOf(NotRefractory.class, verdict(onStep3(), List.of(),
                "the oxycodone dose in force has been given for 6 h, less than its 24 h titration interval", null));
        assertTrue(not.detail().startsWith("the oxycodone dose in force"), not.detail());
    }

    @Test
    void highOmeddIsALimitEvenWhileTheLadderTitrates_Smith2002() {
        assertInstanceOf(Refractory.class, verdict(onStep3(), List.of(), null, "LAD-06 proposes oxycodone 160 → 240 "
                + "mg/day"));
    }

    @Test
    void aDoseLimitingAdverseEffectIsALimitEvenOnAFreshDose() {
        assertInstanceOf(Refractory.class, verdict(onStep3().omedd("60", null)
                .adverseEffect(AdverseEffectType.MYOCLONUS, Severity.MODERATE, 10), List.of(),
                "the oxycodone dose in force has been given for 6 h, less than its 24 h titration interval", null));
    }
}
