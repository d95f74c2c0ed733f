package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.DeliveryModeOmeddTest.infusion;
import static org.painladder.domain.regimen.DeliveryModeOmeddTest.pca;
import static org.painladder.domain.regimen.OpioidConversionTest.converted;
import static org.painladder.domain.regimen.OpioidConversionTest.request;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pharmacist's black-box cases (2026-12-07): conversions into a drug with a ceiling (clinical-rules §1.7, §2.7)
 * stop at the ceiling and say so; parenteral fentanyl by continuous infusion counts 2.4 per mcg/h, not 0.3 per mcg
 * (§2.3, §2.7), and a conversion from a daily mcg figure, which may be an infusion, uses that lower end (§8.1.3).
 */
class ConversionCeilingTest {

    @Test
    void morphine200ToTramadolStopsAtTheSeizureCeilingOf400WithACeilingCaution() {
        OpioidConversion conversion = converted(request("MORPHINE", "ORAL", "200", "mg", "TRAMADOL", "ORAL", null));
        assertEquals(mg("1000.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("400.00"), conversion.recommendedDailyDose());
        String ceiling = caution(conversion, "CEILING");
        assertTrue(ceiling.contains("400 mg/d"), ceiling);
        String rescue = caution(conversion, "RESCUE_DOSE");
        assertTrue(rescue.contains("40-80 mg tramadol"), rescue);
    }

    @Test
    void everyDrugWithACeilingIsCappedAtItInEveryProfile() {
        for (Formulary formulary : List.of(CDC_2022, new Formulary(FactorProfile.CDC_2016),
                new Formulary(FactorProfile.UK_PCF))) {
            for (String target : List.of("CODEINE", "DIHYDROCODEINE", "TRAMADOL", "TAPENTADOL")) {
                BigDecimal ceiling = formulary.find(target).orElseThrow().ceilingDailyDoseMg(Route.ORAL).orElseThrow();
                qt().forAll(integers().between(1, 2_000)).checkAssert(morphine -> {
                    OpioidConversion conversion = converted(request("MORPHINE", "ORAL", String.valueOf(morphine), "mg",
                            target, "ORAL", null), formulary);
                    assertTrue(conversion.recommendedDailyDose().compareTo(ceiling) <= 0,
                            target + " " + conversion.recommendedDailyDose() + " > " + ceiling);
                    boolean capped = conversion.cautions().stream().anyMatch(c -> c.code().equals("CEILING"));
                    // Into the drug at the end of its published range that gives less of it (§8.1.3).
                    BigDecimal profileFactor = formulary.profile().factor(target, Route.ORAL).orElseThrow().factor();
                    BigDecimal intoFactor = ConversionRange.of(target, Route.ORAL)
                            .map(range -> range.toFactor(profileFactor)).orElse(profileFactor);
                    BigDecimal uncapped = Amounts.rounded(Amounts.divide(BigDecimal.valueOf(morphine), intoFactor)
                            .multiply(mg("0.75")));
                    assertEquals(uncapped.compareTo(ceiling) > 0, capped, target + " from morphine " + morphine);
                });
            }
        }
    }

    @Test
    void theTestersOtherCeilingCases() {
        assertEquals(mg("360.00"), converted(request("MORPHINE", "ORAL", "200", "mg", "CODEINE", "ORAL", null))
                .recommendedDailyDose());
        assertEquals(mg("500.00"), converted(request("MORPHINE", "ORAL", "400", "mg", "TAPENTADOL", "ORAL", null))
                .recommendedDailyDose());
        OpioidConversion dihydrocodeine = converted(request("OXYCODONE", "ORAL", "200", "mg", "DIHYDROCODEINE", "ORAL",
                null));
        assertEquals(mg("240.00"), dihydrocodeine.recommendedDailyDose());
        assertTrue(caution(dihydrocodeine, "RESCUE_DOSE").contains("24-48 mg dihydrocodeine"));
    }

    @Test
    void aSubcutaneousFentanylDriverAt25McgPerHourIs60Omedd() {
        assertEquals(mg("60.00"), Omedd.of(RegimenFixtures.regimen(infusion("FENTANYL", "SC", "25", "mcg")), CDC_2022)
                .scheduledMg());
        assertEquals(mg("120.00"), Omedd.of(RegimenFixtures.regimen(infusion("FENTANYL", "IV", "50", "mcg")),
                CDC_2022).scheduledMg());
    }

    @Test
    void aFentanylPcaCountsItsBasalAsAnInfusionAndItsBolusesAtPointThreePerMcg() {
        Omedd omedd = Omedd.of(RegimenFixtures.regimen(pca("FENTANYL", "IV", "10", "mcg", 10, "25", "100")), CDC_2022);
        assertEquals(mg("60.00"), omedd.scheduledMg());
        assertEquals(mg("180.00"), omedd.prnMg());
    }

    @Test
    void parenteralFentanylPerDayConvertsAsAnInfusionTheLowerEnd() {
        OpioidConversion morphine = converted(request("FENTANYL", "SC", "600", "mcg",
                "MORPHINE", "ORAL", null));
        assertEquals(mg("45.00"), morphine.recommendedDailyDose());
        OpioidConversion patch = converted(request("FENTANYL", "SC", "600", "mcg", "FENTANYL", "TRANSDERMAL", null));
        assertEquals(mg("25.00"), patch.recommendedDailyDose());
        assertEquals(mg("18.00"), converted(request("FENTANYL", "IV", "1200", "mcg", "HYDROMORPHONE", "ORAL", null))
                .recommendedDailyDose());
    }

    @Test
    void aFentanylDriverNeverBecomesAStrongerPatch() {
        qt().forAll(integers().between(25, 400)).checkAssert(ratePerHour -> {
            String perDay = String.valueOf(ratePerHour * 24);
            BigDecimal patch = converted(request("FENTANYL", "SC", perDay, "mcg", "FENTANYL", "TRANSDERMAL", null))
                    .recommendedDailyDose();
            assertTrue(patch.compareTo(BigDecimal.valueOf(ratePerHour)) <= 0, ratePerHour + " mcg/h → " + patch);
        });
    }

    static String caution(OpioidConversion conversion, String code) {
        return conversion.cautions().stream().filter(c -> c.code().equals(code)).map(Caution::message).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " caution in " + conversion.cautions()));
    }
}
