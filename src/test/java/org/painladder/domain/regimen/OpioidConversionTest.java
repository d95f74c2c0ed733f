package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.mg;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotations a palliative team does every week, with the numbers of clinical-rules §2. */
class OpioidConversionTest {

    @Test
    void ninetyMgOralMorphineIsSixtyMgOxycodoneAndFortyFiveToStart() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "90", "mg", "OXYCODONE", "ORAL", null));
        assertEquals(mg("90.00"), conversion.fromOmeddMg());
        assertEquals(mg("60.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("45.00"), conversion.recommendedDailyDose());
        assertEquals(mg("25.00"), conversion.crossToleranceReductionPct());
        assertEquals("mg", conversion.unit());
        assertEquals("CDC_2022 v2022.1.0", conversion.factorsUsed());
        assertFalse(conversion.requiresSpecialist());
        assertEquals(List.of("morphine 90 mg/d ORAL × 1 (CDC 2022 MME table) = 90 mg/d OMEDD",
                "90 mg/d OMEDD ÷ 1.5 (CDC 2022 MME table) = 60 mg/d oxycodone ORAL",
                "60 × (100 - 25) % = 45 mg/d to start"), conversion.trace());
        assertTrue(codes(conversion).containsAll(List.of("ESTIMATE_ONLY", "CROSS_TOLERANCE", "RESCUE_DOSE")));
    }

    @Test
    void workedExample120MgMorphineToOxycodoneGivesARescueOfSixToTwelve() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "120", "mg", "OXYCODONE", "ORAL", "25"));
        assertEquals(mg("80.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("60.00"), conversion.recommendedDailyDose());
        assertTrue(caution(conversion, "RESCUE_DOSE").contains("6-12 mg oxycodone"), caution(conversion, "RESCUE_DOSE"));
    }

    @Test
    void fiftyPercentCutForAdverseEffects() {
        OpioidConversion conversion = converted(request("OXYCODONE", "ORAL", "80", "mg", "HYDROMORPHONE", "ORAL", "50"));
        assertEquals(mg("120.00"), conversion.fromOmeddMg());
        assertEquals(mg("24.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("12.00"), conversion.recommendedDailyDose());
    }

    /** No cross-tolerance cut; the oral:SC ratio is published as 2:1-3:1, so the dose to start uses 3:1. */
    @Test
    void oralToSubcutaneousMorphineIsARouteChangeWithoutCutAtTheCautiousEndOfTheRatio() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "60", "mg", "MORPHINE", "SC", "25"));
        assertEquals(mg("30.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("20.00"), conversion.recommendedDailyDose());
        assertEquals("CDC_2022 v2022.1.0; direction of travel: morphine SC 3 (range 2-3)", conversion.factorsUsed());
        assertEquals(mg("0.00"), conversion.crossToleranceReductionPct());
        assertTrue(codes(conversion).contains("SAME_OPIOID_ROUTE_CHANGE"));
    }

    @Test
    void patchFollowsTheLabelTableWithoutExtraCut() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "180", "mg", "FENTANYL", "TRANSDERMAL", "25"));
        assertEquals(mg("75.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("50.00"), conversion.recommendedDailyDose());
        assertEquals("mcg/h", conversion.unit());
        assertEquals(mg("0.00"), conversion.crossToleranceReductionPct());
        assertTrue(codes(conversion).containsAll(List.of("FENTANYL_PATCH_LABEL_TABLE", "FENTANYL_PATCH_TIMING")));
        assertTrue(caution(conversion, "FENTANYL_PATCH_TIMING").contains("72 h"));
    }

    @Test
    void fromAPatchTheCutAppliesAndTheRemovalTailIsCautioned() {
        OpioidConversion conversion = converted(request("FENTANYL", "TRANSDERMAL", "50", "mcg/h", "MORPHINE", "ORAL",
                null));
        assertEquals(mg("120.00"), conversion.fromOmeddMg());
        assertEquals(mg("120.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("90.00"), conversion.recommendedDailyDose());
        assertTrue(codes(conversion).contains("FENTANYL_PATCH_REMOVAL"));
    }

    @Test
    void labelTableBandEdges() {
        assertEquals(mg("25.00"), patchFor("60"));
        assertEquals(mg("25.00"), patchFor("134"));
        assertEquals(mg("50.00"), patchFor("135"));
        assertEquals(mg("50.00"), patchFor("224"));
        assertEquals(mg("75.00"), patchFor("225"));
        assertEquals(mg("100.00"), patchFor("404"));
        assertEquals(mg("125.00"), patchFor("405"));
    }

    @Test
    void patchBelowSixtyMgIsRefusedForAnOpioidNaivePatient() {
        List<RegimenViolation> refused = refused(request("MORPHINE", "ORAL", "45", "mg", "FENTANYL", "TRANSDERMAL",
                null));
        assertEquals("to.drug", refused.get(0).field());
        assertTrue(refused.get(0).message().contains("opioid-tolerant"));
    }

    @Test
    void toMethadoneUsesTheWideningRatioAndNeedsASpecialist() {
        OpioidConversion low = converted(request("MORPHINE", "ORAL", "60", "mg", "METHADONE", "ORAL", null));
        assertEquals(mg("15.00"), low.recommendedDailyDose());
        assertTrue(low.requiresSpecialist());
        assertTrue(codes(low).containsAll(List.of("METHADONE_SPECIALIST", "METHADONE_NON_LINEAR")));
        assertEquals(mg("25.00"), converted(request("MORPHINE", "ORAL", "200", "mg", "METHADONE", "ORAL", null))
                .recommendedDailyDose());
        assertEquals(mg("30.00"), converted(request("MORPHINE", "ORAL", "600", "mg", "METHADONE", "ORAL", null))
                .recommendedDailyDose(), "50 mg/d by the 12:1 tier, capped at the 30 mg/d start");
    }

    /** The tester saw 89 mg/d morphine give 22.25 mg methadone but 90 mg/d give 11.25 (rules 2026.12.0 §8.5). */
    @Test
    void moreMorphineNeverGivesLessMethadoneAcrossTheTiers() {
        // Rounded down to whole mg, and from 300 mg/d morphine capped at the 30 mg/d start (round 4).
        assertEquals(mg("22.00"), toMethadone("89"));
        assertEquals(mg("22.00"), toMethadone("90"));
        assertEquals(mg("22.00"), toMethadone("180"));
        assertEquals(mg("25.00"), toMethadone("200"));
        assertEquals(mg("30.00"), toMethadone("300"));
        assertEquals(mg("30.00"), toMethadone("301"));
        assertEquals(mg("30.00"), toMethadone("450"));
        assertEquals(mg("30.00"), toMethadone("600"));
        OpioidConversion ninety = converted(request("MORPHINE", "ORAL", "90", "mg", "METHADONE", "ORAL", null));
        assertTrue(ninety.trace().get(1).contains("90-300 mg/d tier (morphine:methadone 8:1)"), ninety.trace().get(1));
        assertTrue(ninety.trace().get(1).contains("the tier below gives up to 22.5 mg/d"), ninety.trace().get(1));
        OpioidConversion sixty = converted(request("MORPHINE", "ORAL", "60", "mg", "METHADONE", "ORAL", null));
        assertTrue(sixty.trace().get(1).contains("< 90 mg/d tier (morphine:methadone 4:1)"), sixty.trace().get(1));
    }

    private static BigDecimal toMethadone(String morphineMg) {
        return converted(request("MORPHINE", "ORAL", morphineMg, "mg", "METHADONE", "ORAL", null))
                .recommendedDailyDose();
    }

    /** The tester saw SC hydromorphone 10 mg/d become oral oxycodone 100 mg/d; the low end of 10-20 gives 50. */
    @Test
    void parenteralHydromorphoneToOralUsesTheLowerFactorOfItsRange() {
        OpioidConversion conversion = converted(request("HYDROMORPHONE", "SC", "10", "mg", "OXYCODONE", "ORAL", null));
        assertEquals(mg("200.00"), conversion.fromOmeddMg());
        assertEquals(mg("133.33"), conversion.equianalgesicDailyDose());
        assertEquals(mg("50.00"), conversion.recommendedDailyDose());
        assertTrue(conversion.factorsUsed().contains("hydromorphone SC 10 (range 10-20)"), conversion.factorsUsed());
        assertTrue(String.join("\n", conversion.trace()).contains("lower factor of the range 10-20"),
                conversion.trace().toString());
    }

    @Test
    void oralToParenteralHydromorphoneUsesTheHigherFactorOfItsRange() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "100", "mg", "HYDROMORPHONE", "IV", null));
        assertEquals(mg("5.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("3.50"), conversion.recommendedDailyDose(), "3.75 rounded down to 0.5 mg steps");
        OpioidConversion routeChange = converted(request("HYDROMORPHONE", "ORAL", "20", "mg", "HYDROMORPHONE", "SC",
                null));
        // Oral hydromorphone counts by the CDC 2016 factor 4 out (80 mg/d OMEDD): 5:1 oral:SC, the US end of 2-5:1.
        assertEquals(mg("4.00"), routeChange.recommendedDailyDose());
        assertTrue(routeChange.factorsUsed().contains("hydromorphone SC 20 (range 10-20)"), routeChange.factorsUsed());
        OpioidConversion back = converted(request("HYDROMORPHONE", "SC", "5", "mg", "HYDROMORPHONE", "ORAL", null));
        assertEquals(mg("10.00"), back.recommendedDailyDose());
    }

    @Test
    void fromMethadoneUsesTheProfileFactorAndStillNeedsASpecialist() {
        OpioidConversion conversion = converted(request("METHADONE", "ORAL", "20", "mg", "MORPHINE", "ORAL", null));
        assertEquals(mg("94.00"), conversion.fromOmeddMg());
        assertTrue(conversion.requiresSpecialist());
    }

    @Test
    void cdc2016TiersMethadoneByDailyDose() {
        Formulary cdc2016 = new Formulary(FactorProfile.CDC_2016);
        assertEquals(mg("80.00"), fromOmedd(cdc2016, "20"));
        assertEquals(mg("168.00"), fromOmedd(cdc2016, "21"));
        assertEquals(mg("600.00"), fromOmedd(cdc2016, "60"));
        assertEquals(mg("732.00"), fromOmedd(cdc2016, "61"));
    }

    @Test
    void buprenorphineIsRefusedWithTheReason() {
        List<RegimenViolation> refused = refused(request("BUPRENORPHINE", "TRANSDERMAL", "35", "mcg/h", "MORPHINE",
                "ORAL", null));
        assertEquals("from.drug", refused.get(0).field());
        assertTrue(refused.get(0).message().contains("partial µ-agonist"), refused.get(0).message());
        assertEquals("to.drug", refused(request("MORPHINE", "ORAL", "60", "mg", "BUPRENORPHINE", "TRANSDERMAL",
                null)).get(0).field());
    }

    @Test
    void reductionOutside25To50IsRefused() {
        assertEquals("crossToleranceReductionPct",
                refused(request("MORPHINE", "ORAL", "90", "mg", "OXYCODONE", "ORAL", "20")).get(0).field());
        assertEquals("crossToleranceReductionPct",
                refused(request("MORPHINE", "ORAL", "90", "mg", "OXYCODONE", "ORAL", "51")).get(0).field());
    }

    @Test
    void nonOpioidsWrongUnitsAndSameDrugAreRefused() {
        assertEquals("from.drug", refused(request("PARACETAMOL", "ORAL", "4000", "mg", "MORPHINE", "ORAL", null))
                .get(0).field());
        assertEquals("from.unit", refused(request("FENTANYL", "TRANSDERMAL", "25", "mg", "MORPHINE", "ORAL", null))
                .get(0).field());
        assertEquals("to", refused(request("MORPHINE", "ORAL", "60", "mg", "MORPHINE", "ORAL", null)).get(0).field());
        assertEquals("from.dailyDose", refused(request("MORPHINE", "ORAL", "0", "mg", "OXYCODONE", "ORAL", null))
                .get(0).field());
        assertEquals("to.route", refused(request("MORPHINE", "ORAL", "60", "mg", "OXYCODONE", "TRANSDERMAL", null))
                .get(0).field());
    }

    static OpioidConversion.Request request(String fromDrug, String fromRoute, String dose, String unit, String toDrug,
                                            String toRoute, String reduction) {
        return new OpioidConversion.Request(fromDrug, fromRoute, new BigDecimal(dose), unit, toDrug, toRoute,
                reduction == null ? null : new BigDecimal(reduction));
    }

    static OpioidConversion converted(OpioidConversion.Request request) {
        return converted(request, CDC_2022);
    }

    static OpioidConversion converted(OpioidConversion.Request request, Formulary formulary) {
        Validated<OpioidConversion> result = OpioidConversion.calculate(request, formulary);
        if (result instanceof Validated.Valid<OpioidConversion> valid) {
            return valid.value();
        }
        throw new AssertionError("conversion refused: " + result);
    }

    private static List<RegimenViolation> refused(OpioidConversion.Request request) {
        Validated<OpioidConversion> result = OpioidConversion.calculate(request, CDC_2022);
        if (result instanceof Validated.Invalid<OpioidConversion> invalid) {
            return invalid.violations();
        }
        throw new AssertionError("conversion was accepted: " + result);
    }

    private static BigDecimal patchFor(String morphineMg) {
        return converted(request("MORPHINE", "ORAL", morphineMg, "mg", "FENTANYL", "TRANSDERMAL", null))
                .recommendedDailyDose();
    }

    private static BigDecimal fromOmedd(Formulary formulary, String methadoneMg) {
        return converted(request("METHADONE", "ORAL", methadoneMg, "mg", "MORPHINE", "ORAL", null), formulary)
                .fromOmeddMg();
    }

    private static List<String> codes(OpioidConversion conversion) {
        return conversion.cautions().stream().map(Caution::code).toList();
    }

    private static String caution(OpioidConversion conversion, String code) {
        return conversion.cautions().stream().filter(caution -> caution.code().equals(code)).findFirst()
                .orElseThrow().message();
    }
}
