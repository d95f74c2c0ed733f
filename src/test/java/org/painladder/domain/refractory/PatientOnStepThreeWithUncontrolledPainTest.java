package org.painladder.domain.refractory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.refractory.Vignette.NOW;
import static org.painladder.domain.refractory.Vignette.onStep3;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.refractory.RefractoryVerdict.NotRefractory;
import org.painladder.domain.refractory.RefractoryVerdict.Reason;
import org.painladder.domain.refractory.RefractoryVerdict.Refractory;

/** REF-01 vignettes, each on both sides of its threshold (clinical-rules §6.4, §6.5). */
class PatientOnStepThreeWithUncontrolledPainTest {

    @Test
    void pancreaticPainAtOmedd240AfterFifteenDaysOpensACaseWithItsEvidence_REF01() {
        Refractory verdict = assertInstanceOf(Refractory.class, onStep3().verdict());

        assertEquals(List.of(
                new Criterion(CriterionCode.ON_STEP3_MIN_DAYS, "on step 3 for 15 days since 2026-11-05 (≥ 14)"),
                new Criterion(CriterionCode.PERSISTENT_MODERATE_OR_SEVERE,
                        "background mean 6.7 and latest 7 over 72 h (n=3), 3 scores ≥ 4 at least 4 h apart"),
                new Criterion(CriterionCode.HIGH_OMEDD, "OMEDD 240 mg/d (oxycodone 160 mg/d ×1.5) ≥ 200")),
                verdict.criteria());
    }

    @Test
    void thirteenDaysOnStep3IsNotYetAnAdequateTrial() {
        NotRefractory verdict = assertInstanceOf(NotRefractory.class, onStep3().daysOnStep3(13).verdict());
        assertEquals(Reason.STEP_3_TRIAL_TOO_SHORT, verdict.reason());
        assertEquals("on step 3 for 13 days since 2026-11-07 (< 14): the step-3 trial is not yet adequate",
                verdict.detail());
    }

    @Test
    void withOneMonthToLiveSevenDaysOnStep3IsAnAdequateTrial_section89() {
        RefractoryFacts facts = onStep3().daysOnStep3(7).facts().withLifeExpectancyMonths(1);
        Refractory verdict = assertInstanceOf(Refractory.class,
                new RefractoryDetector(RefractoryPolicy.defaults()).evaluate(facts));
        assertEquals("on step 3 for 7 days since 2026-11-13 (≥ 7, shortened for a life expectancy of 1 month)",
                verdict.criteria().get(0).detail());
    }

    @Test
    void withOneMonthToLiveSixDaysOnStep3IsStillTooShort() {
        RefractoryFacts facts = onStep3().daysOnStep3(6).facts().withLifeExpectancyMonths(1);
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                new RefractoryDetector(RefractoryPolicy.defaults()).evaluate(facts));
        assertEquals(Reason.STEP_3_TRIAL_TOO_SHORT, verdict.reason());
    }

    @Test
    void withTwoMonthsToLiveTheTrialStaysFourteenDays() {
        RefractoryFacts facts = onStep3().daysOnStep3(10).facts().withLifeExpectancyMonths(2);
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                new RefractoryDetector(RefractoryPolicy.defaults()).evaluate(facts));
        assertEquals("on step 3 for 10 days since 2026-11-10 (< 14): the step-3 trial is not yet adequate",
                verdict.detail());
    }

    @Test
    void incidentEpisodesDoNotMakeBreakthroughFrequent_section86() {
        RefractoryFacts facts = onStep3().omedd("90", "oxycodone 60 mg/d ×1.5")
                .background(3, 30, 0).background(3, 20, 0).background(3, 2, 0)
                .incident(6, 26).incident(6, 2).facts();
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                new RefractoryDetector(RefractoryPolicy.defaults()).evaluate(facts));
        assertEquals(Reason.PAIN_NOT_UNCONTROLLED, verdict.reason());
    }

    @Test
    void spontaneousEpisodesStillMakeBreakthroughFrequent() {
        RefractoryFacts facts = onStep3().background(3, 30, 6).background(3, 20, 0).background(3, 2, 6).facts();
        assertTrue(facts.breakthroughByDay().stream().filter(d -> d.episodes() != null && d.episodes() >= 3)
                .count() >= 2);
    }

    @Test
    void fourteenDaysOnStep3IsAnAdequateTrial() {
        assertInstanceOf(Refractory.class, onStep3().daysOnStep3(14).verdict());
    }

    @Test
    void aBackfilledRegimenCountsTheTrialFromItsEffectiveTimeNotItsArrival() {
        // The EHR sent today a regimen that took effect 20 days ago: the trial is 20 days long already.
        Refractory verdict = assertInstanceOf(Refractory.class,
                onStep3().step3Since(NOW.minus(Duration.ofDays(20))).verdict());
        assertEquals("on step 3 for 20 days since 2026-10-31 (≥ 14)", verdict.criteria().get(0).detail());
    }

    @Test
    void aPatientNotOnStep3IsNeverRefractory() {
        assertEquals(Reason.NOT_ON_STEP_3, ((NotRefractory) onStep3().ladderStep(2).verdict()).reason());
    }

    @Test
    void omedd199IsBelowTheThresholdAndNothingElseLimitsTitration() {
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                onStep3().omedd("199", "morphine 199 mg/d ×1").verdict());
        assertEquals(Reason.NO_ESCALATION_LIMIT_REACHED, verdict.reason());
        assertTrue(verdict.detail().startsWith("OMEDD 199 mg/d (< 200)"), verdict.detail());
    }

    @Test
    void omedd200ReachesTheThreshold() {
        Refractory verdict = assertInstanceOf(Refractory.class, onStep3().omedd("200", "morphine 200 mg/d ×1").verdict());
        assertEquals(new Criterion(CriterionCode.HIGH_OMEDD, "OMEDD 200 mg/d (morphine 200 mg/d ×1) ≥ 200"),
                verdict.criteria().get(2));
    }

    @Test
    void moderateDeliriumLimitsTitrationAtALowerDose() {
        Refractory verdict = assertInstanceOf(Refractory.class, onStep3().omedd("120", null)
                .adverseEffect(AdverseEffectType.DELIRIUM, Severity.MODERATE, 50)
                .adverseEffect(AdverseEffectType.MYOCLONUS, Severity.SEVERE, 30).verdict());
        assertEquals(new Criterion(CriterionCode.DOSE_LIMITING_ADVERSE_EFFECTS, "DELIRIUM MODERATE on 2026-11-18,"
                + " MYOCLONUS SEVERE on 2026-11-19 in the last 7 days limits further titration"), verdict.criteria().get(2));
    }

    @Test
    void mildSedationSevereNauseaOrDeliriumEightDaysAgoDoNotLimitTitration() {
        assertEquals(Reason.NO_ESCALATION_LIMIT_REACHED, ((NotRefractory) onStep3().omedd("120", null)
                .adverseEffect(AdverseEffectType.SEDATION, Severity.MILD, 10)
                .adverseEffect(AdverseEffectType.NAUSEA, Severity.SEVERE, 10)
                .adverseEffect(AdverseEffectType.DELIRIUM, Severity.SEVERE, 8 * 24 + 1).verdict()).reason());
    }

    @Test
    void twoStrongOpioidsTriedMeansRotationHasFailed() {
        Refractory verdict = assertInstanceOf(Refractory.class,
                onStep3().omedd("150", null).opioidsTried("OXYCODONE", "MORPHINE").verdict());
        assertEquals(new Criterion(CriterionCode.MULTIPLE_OPIOIDS_FAILED, "2 strong opioids each given an adequate "
                + "trial since step-3 entry: MORPHINE, OXYCODONE (≥ 2)"), verdict.criteria().get(2));
    }

    @Test
    void oneStrongOpioidAtModerateDoseStillLeavesRoomToRotate() {
        assertEquals(Reason.NO_ESCALATION_LIMIT_REACHED,
                ((NotRefractory) onStep3().omedd("150", null).opioidsTried("MORPHINE").verdict()).reason());
    }

    @Test
    void frequentBreakthroughOnTwoOfThreeDaysIsUncontrolledPainEvenWithMildBackground() {
        Refractory verdict = assertInstanceOf(Refractory.class, onStep3()
                .background(3, 2, 4).background(2, 30, 3).background(3, 60, 1).verdict());
        assertEquals(new Criterion(CriterionCode.FREQUENT_BREAKTHROUGH,
                "≥ 3 breakthrough episodes a day on 2 of the last 3 days (4, 3, 1, today first)"),
                verdict.criteria().get(1));
    }

    @Test
    void frequentBreakthroughOnOneDayOnlyIsNotUncontrolledPain() {
        NotRefractory verdict = assertInstanceOf(NotRefractory.class, onStep3()
                .background(3, 2, 5).background(2, 30, 2).background(3, 60, 2).verdict());
        assertEquals(Reason.PAIN_NOT_UNCONTROLLED, verdict.reason());
    }

    @Test
    void twoModerateScoresLessThanFourHoursApartAreNotPersistentPain() {
        assertEquals(Reason.PAIN_NOT_UNCONTROLLED,
                ((NotRefractory) onStep3().background(6, 5, 1).background(6, 2, 1).verdict()).reason());
        assertInstanceOf(Refractory.class, onStep3().background(6, 6, 1).background(6, 2, 1).verdict());
    }

    @Test
    void aLatestScoreBackInTheMildBandIsNotUncontrolledPain() {
        assertEquals(Reason.PAIN_NOT_UNCONTROLLED, ((NotRefractory) onStep3()
                .background(7, 40, 1).background(6, 20, 1).background(2, 1, 1).verdict()).reason());
    }

    @ParameterizedTest(name = "an acute {0} episode 3 days ago suppresses the flag")
    @EnumSource(AcuteCause.class)
    void anAcuteEpisodeWithATreatableCauseSuppressesRefractoriness(AcuteCause cause) {
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                onStep3().acuteEpisode(cause, 8, 72).verdict());
        assertEquals(Reason.ACUTE_CAUSE_SUPPRESSION, verdict.reason());
        assertTrue(verdict.detail().startsWith("acute " + cause + " pain recorded 2026-11-17, within the 7-day window"),
                verdict.detail());
    }

    @Test
    void anInfectionEpisodeEightDaysAgoNoLongerSuppresses() {
        assertInstanceOf(Refractory.class,
                onStep3().acuteEpisode(AcuteCause.INFECTIOUS_INFLAMMATORY, 8, 8 * 24).verdict());
    }

    @Test
    void breakthroughCountsReportedWithAnInfectionDoNotMakePainUncontrolled() {
        RefractoryFacts facts = onStep3().background(2, 3, 0).background(2, 28, 0)
                .acuteEpisode(AcuteCause.INFECTIOUS_INFLAMMATORY, 8, 10).acuteEpisode(AcuteCause.INFECTIOUS_INFLAMMATORY, 8, 30)
                .facts();
        assertEquals(List.of(new RefractoryFacts.DailyBreakthrough(0, 0), new RefractoryFacts.DailyBreakthrough(1, 0),
                new RefractoryFacts.DailyBreakthrough(2, null)), facts.breakthroughByDay());
    }

    @Test
    void neuropathicPainWithoutAnAdjuvantTriedIsNotYetRefractory() {
        NotRefractory verdict = assertInstanceOf(NotRefractory.class,
                onStep3().mechanism(PainMechanism.NEUROPATHIC).verdict());
        assertEquals(Reason.NO_ADJUVANT_FOR_NEUROPATHIC_PAIN, verdict.reason());
    }

    @Test
    void mixedPainWithAnAdjuvantScheduledIsRefractoryAndSaysSo() {
        Refractory verdict = assertInstanceOf(Refractory.class,
                onStep3().mechanism(PainMechanism.MIXED).adjuvantScheduled().verdict());
        assertEquals(new Criterion(CriterionCode.ADJUVANT_TRIED, "an adjuvant is scheduled for MIXED pain"
                + " (ADJ-01 satisfied)"), verdict.criteria().get(verdict.criteria().size() - 1));
    }

    @Test
    void everyLimitThatHeldIsListed() {
        Refractory verdict = assertInstanceOf(Refractory.class, onStep3().opioidsTried("MORPHINE", "OXYCODONE")
                .adverseEffect(AdverseEffectType.SEDATION, Severity.MODERATE, 5).verdict());
        assertEquals(List.of(CriterionCode.ON_STEP3_MIN_DAYS, CriterionCode.PERSISTENT_MODERATE_OR_SEVERE,
                        CriterionCode.HIGH_OMEDD, CriterionCode.DOSE_LIMITING_ADVERSE_EFFECTS,
                        CriterionCode.MULTIPLE_OPIOIDS_FAILED),
                verdict.criteria().stream().map(Criterion::code).toList());
    }

    @Test
    void aStricterPolicyRaisesTheOmeddThreshold() {
        RefractoryPolicy smith2005 = new RefractoryPolicy(14, 320, 2, 3, 3, 7, 2, 4, 7,
                org.painladder.domain.pain.BandEdges.DEFAULT, 7);
        assertTrue(smith2005.violations().isEmpty());
        assertInstanceOf(NotRefractory.class, new RefractoryDetector(smith2005).evaluate(onStep3().facts(smith2005)));
    }

    @Test
    void aPolicyOutsideItsRangesIsNamedParameterByParameter() {
        RefractoryPolicy wrong = new RefractoryPolicy(5, 400, 2, 3, 3, 7, 2, 4, 7,
                org.painladder.domain.pain.BandEdges.DEFAULT, 7);
        assertEquals(List.of("refractoryMinDaysOnStep3 must be from 7 to 28, got 5",
                "refractoryOmeddThresholdMg must be from 120 to 320, got 400"), wrong.violations());
    }
}
