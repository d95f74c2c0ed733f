package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.evaluate;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;
import static org.painladder.domain.regimen.RegimenFixtures.violations;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OMEDD of every delivery mode (clinical-rules §8.10) and the fields each mode needs, on both sides of each bound:
 * infusions at rate × 24, PCA at basal × 24 (by the clock) plus the 4-hour maximum × 6 (at most), catheter boluses at
 * dose × times, spinal morphine by 1 : 10 : 100 : 300 and marked approximate.
 */
class DeliveryModeOmeddTest {

    static ProposedItem infusion(String drug, String route, String ratePerHour, String unit) {
        return new ProposedItem(drug, route, null, unit, null, null, "CONTINUOUS_INFUSION", new BigDecimal(ratePerHour),
                null, null, null);
    }

    static ProposedItem pca(String drug, String route, String bolus, String unit, Integer lockout, String basal,
                            String max4h) {
        return new ProposedItem(drug, route, null, unit, null, null, "PCA", basal == null ? null : new BigDecimal(basal),
                new BigDecimal(bolus), lockout, max4h == null ? null : new BigDecimal(max4h));
    }

    static ProposedItem catheterBolus(String drug, String route, String dose, String unit, int timesPerDay) {
        return new ProposedItem(drug, route, new BigDecimal(dose), unit, timesPerDay, false, "CATHETER_BOLUS", null,
                null, null, null);
    }

    private static List<String> fields(List<RegimenViolation> violations) {
        return violations.stream().map(RegimenViolation::field).toList();
    }

    private static BigDecimal thousandths(int value) {
        return BigDecimal.valueOf(value, 3);
    }

    @Test
    void aSubcutaneousMorphineInfusionIsItsRateOverADayTimesTheParenteralFactor() {
        qt().forAll(integers().between(1, 100_000)).checkAssert(rate -> {
            Omedd omedd = Omedd.of(regimen(infusion("MORPHINE", "SC", thousandths(rate).toPlainString(), "mg")),
                    CDC_2022);
            assertEquals(Amounts.rounded(thousandths(rate).multiply(new BigDecimal("48"))), omedd.scheduledMg());
            assertEquals(Amounts.rounded(BigDecimal.ZERO), omedd.prnMg());
        });
        assertEquals("morphine 24 mg/d SC (1 mg/h × 24, continuous infusion) × 2 = 48 mg/d OMEDD",
                evaluate(infusion("MORPHINE", "SC", "1", "mg")).omedd().contributions().get(0).trace());
    }

    @Test
    void anInfusionNeedsAPositiveRateAndNothingOfADoseByTheClock() {
        assertEquals(List.of("items[0].ratePerHour"), fields(violations(new ProposedItem("MORPHINE", "IV", null, "mg",
                null, null, "CONTINUOUS_INFUSION", null, null, null, null))));
        assertEquals(List.of("items[0].ratePerHour"), fields(violations(infusion("MORPHINE", "IV", "0", "mg"))));
        assertEquals(List.of(), violations(infusion("MORPHINE", "IV", "0.001", "mg")));
        assertEquals(List.of("items[0].timesPerDay"), fields(violations(new ProposedItem("MORPHINE", "IV", null, "mg",
                6, null, "CONTINUOUS_INFUSION", mg("1"), null, null, null))));
        assertEquals(List.of("items[0].dose"), fields(violations(new ProposedItem("MORPHINE", "IV", mg("5"), "mg",
                null, null, "CONTINUOUS_INFUSION", mg("1"), null, null, null))));
        assertEquals(List.of("items[0].prn"), fields(violations(new ProposedItem("MORPHINE", "IV", null, "mg",
                null, true, "CONTINUOUS_INFUSION", mg("1"), null, null, null))));
    }

    @Test
    void aPcaCountsItsBasalByTheClockAndItsFourHourMaximumProRataAsAMaximum() {
        qt().forAll(integers().between(1, 5_000), integers().between(0, 5_000), integers().between(0, 20_000))
                .checkAssert((bolus, basal, extra) -> {
                    BigDecimal bolusMg = thousandths(bolus);
                    BigDecimal basalMg = thousandths(basal);
                    BigDecimal max4h = bolusMg.add(thousandths(extra));
                    Omedd omedd = Omedd.of(regimen(pca("MORPHINE", "IV", bolusMg.toPlainString(), "mg", 10,
                            basal == 0 ? null : basalMg.toPlainString(), max4h.toPlainString())), CDC_2022);
                    assertEquals(Amounts.rounded(basalMg.multiply(new BigDecimal("72"))), omedd.scheduledMg());
                    assertEquals(Amounts.rounded(max4h.multiply(new BigDecimal("18"))), omedd.prnMg());
                });
        RegimenEvaluation pcia = evaluate(pca("MORPHINE", "IV", "1", "mg", 10, "0.5", "10"));
        assertEquals(List.of(false, true), pcia.omedd().contributions().stream().map(Contribution::prn).toList());
        assertEquals("morphine PCA demand (1 mg bolus, lockout 10 min), 4-hour maximum 10 mg × 6 = at most 60 mg/d IV"
                        + " × 3 = 180 mg/d OMEDD at most, if every demand dose allowed is given",
                pcia.omedd().contributions().get(1).trace());
    }

    @Test
    void withoutAFourHourMaximumThePcaIsLimitedOnlyByItsLockoutAndIsWarnedAbout() {
        qt().forAll(integers().between(5, 60), integers().between(1, 5_000)).checkAssert((lockout, bolus) -> {
            RegimenEvaluation evaluation = evaluate(pca("MORPHINE", "IV", thousandths(bolus).toPlainString(), "mg",
                    lockout, null, null));
            BigDecimal perFourHours = thousandths(bolus).multiply(BigDecimal.valueOf(240 / lockout));
            assertEquals(Amounts.rounded(perFourHours.multiply(new BigDecimal("18"))), evaluation.omedd().prnMg());
            RegimenWarning warning = evaluation.warnings().stream()
                    .filter(w -> w.code().equals(LineWarnings.PCA_WITHOUT_4H_MAXIMUM)).findFirst().orElseThrow();
            assertEquals(0, perFourHours.compareTo(warning.figures().get("lockoutBoundMaxDosePer4h")));
        });
        assertTrue(evaluate(pca("MORPHINE", "IV", "1", "mg", 10, null, "10")).warnings().stream()
                .noneMatch(w -> w.code().equals(LineWarnings.PCA_WITHOUT_4H_MAXIMUM)));
    }

    @Test
    void aPcaNeedsABolusALockoutOfFiveToSixtyMinutesAndAMaximumOfAtLeastOneBolus() {
        assertEquals(List.of("items[0].lockoutMinutes"),
                fields(violations(pca("MORPHINE", "IV", "1", "mg", null, null, "10"))));
        assertEquals(List.of("items[0].lockoutMinutes"), fields(violations(pca("MORPHINE", "IV", "1", "mg", 4, null,
                "10"))));
        assertEquals(List.of(), violations(pca("MORPHINE", "IV", "1", "mg", 5, null, "10")));
        assertEquals(List.of(), violations(pca("MORPHINE", "IV", "1", "mg", 60, null, "10")));
        assertEquals(List.of("items[0].lockoutMinutes"), fields(violations(pca("MORPHINE", "IV", "1", "mg", 61, null,
                "10"))));
        assertEquals(List.of("items[0].maxDosePer4h"), fields(violations(pca("MORPHINE", "IV", "1", "mg", 10, null,
                "0.999"))));
        assertEquals(List.of(), violations(pca("MORPHINE", "IV", "1", "mg", 10, null, "1")));
        assertEquals(List.of("items[0].bolusDose"), fields(violations(new ProposedItem("MORPHINE", "IV", null, "mg",
                null, null, "PCA", null, null, 10, mg("10")))));
        assertEquals(List.of("items[0].timesPerDay"), fields(violations(new ProposedItem("MORPHINE", "IV", null, "mg",
                6, null, "PCA", null, mg("1"), 10, mg("10")))));
        assertEquals(List.of("items[0].mode"), fields(violations(new ProposedItem("MORPHINE", "ORAL", null, "mg",
                null, null, "PCA", null, mg("1"), 10, mg("10")))));
        assertEquals(List.of("items[0].mode"), fields(violations(new ProposedItem("MORPHINE", "IV", mg("1"), "mg",
                6, null, "DRIP", null, null, null, null))));
    }

    @Test
    void spinalMorphineFollowsOneToTenToHundredToThreeHundredAndIsMarkedApproximate() {
        qt().forAll(integers().between(1, 50_000), integers().between(1, 24)).checkAssert((dose, times) -> {
            Omedd epidural = Omedd.of(regimen(catheterBolus("MORPHINE", "EPIDURAL",
                    thousandths(dose).toPlainString(), "mg", times)), CDC_2022);
            assertEquals(Amounts.rounded(thousandths(dose).multiply(BigDecimal.valueOf(times * 30L))),
                    epidural.scheduledMg());
            assertTrue(epidural.contributions().get(0).approximate());
        });
        qt().forAll(integers().between(1, 100_000)).checkAssert(rate -> {
            Omedd intrathecal = Omedd.of(regimen(infusion("MORPHINE", "INTRATHECAL",
                    thousandths(rate).toPlainString(), "mg")), CDC_2022);
            assertEquals(Amounts.rounded(thousandths(rate).multiply(new BigDecimal("7200"))),
                    intrathecal.scheduledMg());
        });
        Contribution pump = evaluate(infusion("MORPHINE", "INTRATHECAL", "0.05", "mg")).omedd().contributions().get(0);
        assertEquals(new BigDecimal("360.00"), pump.omeddMg());
        assertTrue(pump.approximate());
        assertTrue(pump.source().contains("Krames 1996; PACC 2017"), pump.source());
        assertFalse(evaluate(infusion("MORPHINE", "SC", "1", "mg")).omedd().contributions().get(0).approximate());
    }

    @Test
    void aSpinalLineIsNeverScheduledByTheClockWithoutACatheterMode() {
        assertEquals(List.of("items[0].mode"), fields(violations(RegimenFixtures.scheduled("MORPHINE", "INTRATHECAL",
                "0.5", "mg", 1))));
        assertEquals(List.of(), violations(catheterBolus("MORPHINE", "INTRATHECAL", "0.5", "mg", 1)));
    }

    @Test
    void spinalNonOpioidsAreListedWithNoOmeddAndSetNoStep() {
        RegimenEvaluation pcea = evaluate(pca("BUPIVACAINE", "EPIDURAL", "3", "mg", 15, "6", "30"),
                pca("FENTANYL", "EPIDURAL", "6", "mcg", 15, "12", "60"),
                infusion("ZICONOTIDE", "INTRATHECAL", "0.1", "mcg"), infusion("CLONIDINE", "EPIDURAL", "10", "mcg"),
                infusion("ROPIVACAINE", "EPIDURAL", "8", "mg"));
        assertEquals(List.of("BUPIVACAINE", "FENTANYL", "FENTANYL", "ZICONOTIDE", "CLONIDINE", "ROPIVACAINE"),
                pcea.omedd().contributions().stream().map(Contribution::drug).toList());
        assertTrue(pcea.omedd().contributions().stream().allMatch(c -> c.factor() == null
                && c.omeddMg().signum() == 0));
        assertTrue(pcea.omedd().contributions().get(0).trace().endsWith("not an opioid, no OMEDD"));
        assertEquals(3, pcea.ladderStep(), "epidural fentanyl is a strong opioid");
        List<String> codes = pcea.warnings().stream().map(RegimenWarning::code).toList();
        assertTrue(codes.contains(LineWarnings.NEURAXIAL_NO_OMEDD), "the fentanyl line has no published spinal ratio");
        assertFalse(codes.contains(RegimenWarning.NO_MME_FACTOR), "no buprenorphine-style warning: " + codes);
        assertEquals(0, evaluate(infusion("BUPIVACAINE", "EPIDURAL", "8", "mg")).ladderStep());
    }

    @Test
    void noConversionIntoASpinalRouteAndOutOfOneAnApproximateSpecialistResult() {
        Validated<OpioidConversion> into = OpioidConversion.calculate(new OpioidConversion.Request("MORPHINE", "ORAL",
                mg("90"), "mg", "MORPHINE", "INTRATHECAL", null), CDC_2022);
        assertTrue(into instanceof Validated.Invalid<OpioidConversion> refused && refused.violations().stream()
                .anyMatch(v -> v.field().equals("to.route") && v.message().contains("PACC 2017")), into.toString());
        Validated<OpioidConversion> epidural = OpioidConversion.calculate(new OpioidConversion.Request("OXYCODONE",
                "ORAL", mg("40"), "mg", "MORPHINE", "EPIDURAL", null), CDC_2022);
        assertTrue(epidural instanceof Validated.Invalid<OpioidConversion>);
        OpioidConversion out = ((Validated.Valid<OpioidConversion>) OpioidConversion.calculate(
                new OpioidConversion.Request("MORPHINE", "INTRATHECAL", mg("1"), "mg", "MORPHINE", "ORAL", null),
                CDC_2022)).value();
        assertEquals(new BigDecimal("300.00"), out.fromOmeddMg());
        assertTrue(out.approximate());
        assertTrue(out.requiresSpecialist());
        assertTrue(out.cautions().stream().anyMatch(c -> c.code().equals("NEURAXIAL_APPROXIMATE")));
    }

    @Test
    void aBasalInfusionIsWarnedAboutOnlyForAnOpioidNaivePostoperativePatient() {
        Regimen basal = regimen(pca("MORPHINE", "IV", "1", "mg", 10, "1", "10"));
        Regimen demandOnly = regimen(pca("MORPHINE", "IV", "1", "mg", 10, null, "10"));
        assertEquals(List.of(LineWarnings.BASAL_INFUSION_OPIOID_NAIVE_POSTOPERATIVE),
                LineWarnings.basalInOpioidNaivePostoperative(basal, true, true).stream().map(RegimenWarning::code)
                        .toList());
        assertEquals(List.of(), LineWarnings.basalInOpioidNaivePostoperative(basal, false, true));
        assertEquals(List.of(), LineWarnings.basalInOpioidNaivePostoperative(basal, true, false));
        assertEquals(List.of(), LineWarnings.basalInOpioidNaivePostoperative(demandOnly, true, true));
    }
}
