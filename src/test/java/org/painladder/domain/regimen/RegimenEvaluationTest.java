package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.evaluate;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.prn;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The regimen answers of clinical-rules §1.2, §1.6, §1.7, §1.10 and the worked examples of §2.7. */
class RegimenEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:30:00Z");

    @Test
    void apiExampleIsStepThreeWithSixtyOmeddAndAnInRangeRescue() {
        RegimenEvaluation evaluation = evaluate(oral("OXYCODONE", "20", 2), prn("OXYCODONE", "ORAL", "5", "mg", 6),
                oral("PARACETAMOL", "1000", 4));
        assertEquals(3, evaluation.ladderStep());
        assertEquals(mg("60.00"), evaluation.omedd().scheduledMg());
        assertEquals(mg("45.00"), evaluation.omedd().prnMg());
        // The api.md example has no laxative beside the scheduled oxycodone (clinical-rules §8.7).
        assertEquals(List.of(RegimenWarning.NO_LAXATIVE), evaluation.warnings().stream().map(RegimenWarning::code)
                .toList());
        assertEquals("oxycodone 40 mg/d (20 mg × 2) × 1.5 = 60 mg/d OMEDD",
                evaluation.omedd().contributions().get(0).trace());
        assertEquals("CDC 2022 MME table", evaluation.omedd().contributions().get(0).source());
        assertEquals("CDC_2022 v2022.1.0", evaluation.factorsUsed());
    }

    @Test
    void fentanylFiftyMicrogramsAnHourIs120Omedd() {
        RegimenEvaluation evaluation = evaluate(scheduled("FENTANYL", "TRANSDERMAL", "50", "mcg/h", 1));
        assertEquals(mg("120.00"), evaluation.omedd().scheduledMg());
        assertEquals("fentanyl 50 mcg/h TRANSDERMAL × 2.4 = 120 mg/d OMEDD",
                evaluation.omedd().contributions().get(0).trace());
    }

    @Test
    void stepFollowsTheStrongestScheduledClass() {
        assertEquals(0, evaluate().ladderStep());
        assertEquals(0, evaluate(oral("GABAPENTIN", "300", 3), oral("SENNA", "15", 1)).ladderStep());
        assertEquals(0, evaluate(prn("PARACETAMOL", "ORAL", "1000", "mg", 4)).ladderStep());
        assertEquals(1, evaluate(oral("PARACETAMOL", "1000", 4), oral("GABAPENTIN", "300", 3)).ladderStep());
        assertEquals(2, evaluate(oral("CODEINE", "60", 4), oral("PARACETAMOL", "1000", 4)).ladderStep());
        assertEquals(3, evaluate(oral("MORPHINE", "10", 6), oral("IBUPROFEN", "400", 3)).ladderStep());
        assertEquals(3, evaluate(oral("TAPENTADOL", "100", 2)).ladderStep());
    }

    @Test
    void prnOnlyOpioidCountsForTheStepButIsWarnedAbout() {
        RegimenEvaluation evaluation = evaluate(prn("MORPHINE", "ORAL", "5", "mg", 6), oral("PARACETAMOL", "1000", 4));
        assertEquals(3, evaluation.ladderStep());
        assertEquals(mg("0.00"), evaluation.omedd().scheduledMg());
        assertEquals(mg("30.00"), evaluation.omedd().prnMg());
        assertTrue(evaluation.hasWarning(RegimenWarning.PRN_ONLY_OPIOID));
    }

    @Test
    void aStrongRescueOnAScheduledWeakOpioidStaysOnStepTwo() {
        assertEquals(2, evaluate(oral("CODEINE", "60", 4), prn("MORPHINE", "ORAL", "5", "mg", 6)).ladderStep());
    }

    @Test
    void paracetamolIsSummedAcrossItemsAgainstItsCeiling() {
        RegimenEvaluation evaluation = evaluate(oral("PARACETAMOL", "1000", 4),
                prn("PARACETAMOL", "ORAL", "500", "mg", 2));
        RegimenWarning warning = only(evaluation, RegimenWarning.CEILING_EXCEEDED);
        assertEquals(List.of(0, 1), warning.items());
        assertEquals(mg("5000"), warning.figures().get("dailyDoseMg"));
        assertEquals(mg("4000"), warning.figures().get("ceilingDailyDoseMg"));
        assertTrue(warning.message().contains("paracetamol (acetaminophen) 5000 mg/d"), warning.message());
    }

    @Test
    void ceilingsAtTheLimitAreAcceptedAndAboveAreWarned() {
        assertFalse(evaluate(oral("TRAMADOL", "100", 4)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
        assertTrue(evaluate(oral("TRAMADOL", "100", 5)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
        assertFalse(evaluate(oral("CODEINE", "60", 6)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
        assertTrue(evaluate(oral("CODEINE", "60", 7)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
        assertFalse(evaluate(oral("MORPHINE", "200", 6)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
    }

    @Test
    void ketorolacCeilingDependsOnTheRoute() {
        assertTrue(evaluate(oral("KETOROLAC", "10", 5)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
        assertFalse(evaluate(scheduled("KETOROLAC", "IV", "30", "mg", 4)).hasWarning(RegimenWarning.CEILING_EXCEEDED));
    }

    @Test
    void ukProfileLowersTheCodeineCeilingTo240() {
        Formulary uk = new Formulary(FactorProfile.UK_PCF);
        RegimenEvaluation evaluation = regimen(uk, oral("CODEINE", "60", 6)).evaluate(uk, OpioidTolerance.unknown());
        assertEquals(mg("240"), only(evaluation, RegimenWarning.CEILING_EXCEEDED).figures().get("ceilingDailyDoseMg"));
        assertEquals(mg("36.00"), evaluation.omedd().scheduledMg());
    }

    @Test
    void twoScheduledStrongOpioidsAreWarned() {
        RegimenWarning warning = only(evaluate(oral("MORPHINE", "30", 2), oral("OXYCODONE", "10", 2)),
                RegimenWarning.SAME_CLASS_OPIOIDS);
        assertEquals(List.of(0, 1), warning.items());
    }

    @Test
    void slowAndImmediateReleaseOfTheSameOpioidAreNotTwoOpioids() {
        assertFalse(evaluate(oral("MORPHINE", "30", 2), oral("MORPHINE", "10", 1))
                .hasWarning(RegimenWarning.SAME_CLASS_OPIOIDS));
    }

    @Test
    void oneDrugOnTwoScheduledLinesIsAskedAboutAsADuplicateOrder() {
        RegimenWarning duplicate = only(evaluate(oral("OXYCODONE", "10", 2), oral("OXYCODONE", "10", 2),
                oral("SENNA", "15", 1)), RegimenWarning.SAME_DRUG_SCHEDULED_TWICE);
        assertEquals(List.of(0, 1), duplicate.items());
        assertEquals(0, mg("40").compareTo(duplicate.figures().get("dailyDose")));
        assertTrue(duplicate.message().contains("40 mg/d together"), duplicate.message());
        assertTrue(evaluate(oral("TRAMADOL", "50", 4), oral("TRAMADOL", "50", 4))
                .hasWarning(RegimenWarning.SAME_DRUG_SCHEDULED_TWICE));
        assertTrue(evaluate(scheduled("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1),
                scheduled("FENTANYL", "TRANSDERMAL", "12", "mcg/h", 1)).hasWarning(
                RegimenWarning.SAME_DRUG_SCHEDULED_TWICE));
    }

    @Test
    void aScheduledLineWithItsOwnRescueIsNotADuplicate() {
        assertFalse(evaluate(oral("OXYCODONE", "20", 2), prn("OXYCODONE", "ORAL", "5", "mg", 6))
                .hasWarning(RegimenWarning.SAME_DRUG_SCHEDULED_TWICE));
        assertFalse(evaluate(oral("MORPHINE", "30", 2), oral("OXYCODONE", "10", 2))
                .hasWarning(RegimenWarning.SAME_DRUG_SCHEDULED_TWICE));
    }

    @Test
    void twoWeakOpioidsAndWeakWithStrongAreWarned() {
        assertTrue(evaluate(oral("CODEINE", "30", 4), oral("TRAMADOL", "50", 4))
                .hasWarning(RegimenWarning.SAME_CLASS_OPIOIDS));
        RegimenEvaluation mixed = evaluate(oral("TRAMADOL", "50", 4), oral("MORPHINE", "10", 6));
        assertEquals(List.of(0, 1), only(mixed, RegimenWarning.WEAK_AND_STRONG_OPIOIDS).items());
    }

    @Test
    void twoNsaidsAreWarnedButNsaidWithParacetamolIsNot() {
        assertTrue(evaluate(oral("IBUPROFEN", "400", 3), oral("NAPROXEN", "250", 2))
                .hasWarning(RegimenWarning.TWO_NSAIDS));
        assertFalse(evaluate(oral("IBUPROFEN", "400", 3), oral("PARACETAMOL", "1000", 4))
                .hasWarning(RegimenWarning.TWO_NSAIDS));
    }

    @Test
    void rescueOfOxycodoneFourToEightMgIsInRangeAndTwoOrTenIsNot() {
        assertFalse(withRescue("4").hasWarning(RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE));
        assertFalse(withRescue("8").hasWarning(RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE));
        RegimenWarning low = only(withRescue("2"), RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE);
        assertEquals(mg("3.00"), low.figures().get("rescueDoseOmeddMg"));
        assertEquals(mg("5.00"), low.figures().get("rescuePct"));
        assertEquals(mg("4.00"), low.figures().get("minDose"));
        assertEquals(mg("8.00"), low.figures().get("maxDose"));
        assertEquals(List.of(1), low.items());
        assertTrue(low.message().contains("10-20 % is 4-8 mg oxycodone"), low.message());
        assertTrue(withRescue("10").hasWarning(RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE));
    }

    @Test
    void rescueInAnotherOpioidIsJudgedInOralMorphine() {
        RegimenEvaluation evaluation = evaluate(scheduled("FENTANYL", "TRANSDERMAL", "50", "mcg/h", 1),
                prn("MORPHINE", "ORAL", "20", "mg", 6));
        assertFalse(evaluation.hasWarning(RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE));
    }

    @Test
    void fentanylPatchForAnOpioidNaivePatientIsWarned() {
        RegimenEvaluation evaluation = evaluate(scheduled("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1));
        RegimenWarning warning = only(evaluation, RegimenWarning.FENTANYL_PATCH_NOT_OPIOID_TOLERANT);
        assertEquals(mg("60"), warning.figures().get("requiredOmeddMg"));
    }

    @Test
    void aWeekOnSixtyMgMorphineMakesThePatientTolerant() {
        Regimen morphine = regimen(oral("MORPHINE", "30", 2));
        OpioidTolerance tolerance = OpioidTolerance.assess(NOW,
                List.of(new DatedRegimen(NOW.minus(Duration.ofDays(8)), morphine)), CDC_2022);
        assertTrue(tolerance.tolerant(), tolerance.basis());
        RegimenEvaluation evaluation = regimen(scheduled("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1))
                .evaluate(CDC_2022, tolerance);
        assertFalse(evaluation.hasWarning(RegimenWarning.FENTANYL_PATCH_NOT_OPIOID_TOLERANT));
    }

    @Test
    void toleranceNeedsTheWholeWeekAtTheDose() {
        Regimen morphine = regimen(oral("MORPHINE", "30", 2));
        Regimen low = regimen(oral("MORPHINE", "10", 2));
        assertFalse(OpioidTolerance.assess(NOW, List.of(new DatedRegimen(NOW.minus(Duration.ofDays(6)), morphine)),
                CDC_2022).tolerant());
        OpioidTolerance dipped = OpioidTolerance.assess(NOW, List.of(
                new DatedRegimen(NOW.minus(Duration.ofDays(10)), morphine),
                new DatedRegimen(NOW.minus(Duration.ofDays(3)), low)), CDC_2022);
        assertFalse(dipped.tolerant());
        assertTrue(dipped.basis().contains("20 mg/d"), dipped.basis());
    }

    @Test
    void thirtyMgOxycodoneIsTolerantByTheLabelThoughOnly45Omedd() {
        assertTrue(OpioidTolerance.assess(NOW, List.of(new DatedRegimen(NOW.minus(Duration.ofDays(7)),
                regimen(oral("OXYCODONE", "15", 2)))), CDC_2022).tolerant());
    }

    @Test
    void buprenorphineIsOnStepThreeButAddsNothingToOmedd() {
        RegimenEvaluation evaluation = evaluate(scheduled("BUPRENORPHINE", "TRANSDERMAL", "35", "mcg/h", 1));
        assertEquals(3, evaluation.ladderStep());
        assertEquals(mg("0.00"), evaluation.omedd().scheduledMg());
        assertTrue(evaluation.hasWarning(RegimenWarning.NO_MME_FACTOR));
    }

    @Test
    void scheduledDrugsListEachScheduledDrugOnce() {
        assertEquals(List.of("MORPHINE", "PARACETAMOL"), regimen(oral("MORPHINE", "30", 2), oral("MORPHINE", "10", 1),
                prn("OXYCODONE", "ORAL", "5", "mg", 6), oral("PARACETAMOL", "1000", 4)).scheduledDrugs().stream()
                .map(Drug::code).toList());
    }

    private static RegimenEvaluation withRescue(String oxycodoneMg) {
        return evaluate(oral("OXYCODONE", "20", 2), prn("OXYCODONE", "ORAL", oxycodoneMg, "mg", 6));
    }

    private static RegimenWarning only(RegimenEvaluation evaluation, String code) {
        List<RegimenWarning> matching = evaluation.warnings().stream()
                .filter(warning -> warning.code().equals(code)).toList();
        assertEquals(1, matching.size(), evaluation.warnings().toString());
        return matching.get(0);
    }
}
