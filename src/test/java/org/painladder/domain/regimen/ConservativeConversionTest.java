package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.DeliveryModeOmeddTest.catheterBolus;
import static org.painladder.domain.regimen.DeliveryModeOmeddTest.infusion;
import static org.painladder.domain.regimen.OpioidConversionTest.converted;
import static org.painladder.domain.regimen.OpioidConversionTest.request;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.prn;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A palliative physician's round-4 cases (2026-12-07): the same daily exposure counts the same OMEDD however it is
 * given; a methadone start is capped; a weak opioid converts out at the conservative end of its published range; the
 * same drug by another parenteral route, or a fentanyl patch and driver, are 1:1; doses to start can be given.
 */
class ConservativeConversionTest {

    @Test
    void scheduledSubcutaneousFentanylCountsLikeTheInfusionOfTheSameDailyAmount() {
        assertEquals(mg("120.00"), scheduledOmedd(scheduled("FENTANYL", "SC", "50", "mcg", 24), oral("SENNA", "15", 1)));
        assertEquals(mg("120.00"), scheduledOmedd(infusion("FENTANYL", "SC", "50", "mcg")));
        assertEquals(mg("120.00"), scheduledOmedd(catheterBolus("FENTANYL", "SC", "200", "mcg", 6)));
        assertEquals(mg("120.00"), scheduledOmedd(scheduled("FENTANYL", "IV", "100", "mcg", 12)));
        Omedd asNeeded = Omedd.of(RegimenFixtures.regimen(prn("FENTANYL", "SC", "50", "mcg", 6)), CDC_2022);
        assertEquals(mg("90.00"), asNeeded.prnMg(), "a single as-needed bolus keeps 0.3 per mcg");
    }

    @Test
    void aDailySubcutaneousFentanylDoseConvertsFromItsAverageRate() {
        OpioidConversion conversion = converted(request("FENTANYL", "SC", "1200", "mcg", "MORPHINE", "ORAL", null));
        assertEquals(mg("120.00"), conversion.fromOmeddMg());
        assertEquals(mg("120.00"), conversion.equianalgesicDailyDose());
        assertEquals(mg("90.00"), conversion.recommendedDailyDose());
    }

    @Test
    void aMethadoneStartIsCappedAtThirtyMgADayWhateverThePriorDose() {
        for (String morphine : List.of("1500", "1000", "800", "400")) {
            OpioidConversion conversion = converted(request("MORPHINE", "ORAL", morphine, "mg", "METHADONE", "ORAL",
                    null));
            assertEquals(mg("30.00"), conversion.recommendedDailyDose(), morphine);
            String cap = caution(conversion, "METHADONE_START_CAP");
            assertTrue(cap.contains(conversion.equianalgesicDailyDose().stripTrailingZeros().toPlainString() + " mg/d")
                    || cap.contains("McPherson"), cap);
        }
        String cap = caution(converted(request("MORPHINE", "ORAL", "1500", "mg", "METHADONE", "ORAL", null)),
                "METHADONE_START_CAP");
        assertTrue(cap.contains("125 mg/d"), cap);
        assertEquals(mg("15.00"), converted(request("MORPHINE", "ORAL", "60", "mg", "METHADONE", "ORAL", null))
                .recommendedDailyDose());
    }

    @Test
    void outOfAWeakOpioidTheLowerPublishedFactorIsUsed() {
        OpioidConversion tramadol = converted(request("TRAMADOL", "ORAL", "300", "mg", "MORPHINE", "ORAL", null));
        assertEquals(mg("60.00"), tramadol.fromOmeddMg());
        assertEquals(mg("20.00"), tramadol.recommendedDailyDose(), tramadol.trace().toString());
        assertTrue(tramadol.factorsUsed().contains("tramadol ORAL 0.1 (range 0.1-0.2)"), tramadol.factorsUsed());
        assertEquals(mg("15.00"), converted(request("CODEINE", "ORAL", "240", "mg", "MORPHINE", "ORAL", null))
                .recommendedDailyDose());
        assertEquals(mg("15.00"), converted(request("DIHYDROCODEINE", "ORAL", "240", "mg", "MORPHINE", "ORAL", null))
                .recommendedDailyDose());
        assertEquals(mg("70.00"), converted(request("HYDROMORPHONE", "ORAL", "24", "mg", "MORPHINE", "ORAL", null))
                .recommendedDailyDose(), "CDC 2016's 4, not 2022's 5: 96 less 25 % is 72, 70 to give");
    }

    @Test
    void theSameDrugByAnotherParenteralRouteIsOneToOne() {
        OpioidConversion hydromorphone = converted(request("HYDROMORPHONE", "SC", "6", "mg", "HYDROMORPHONE", "IV",
                null));
        assertEquals(mg("6.00"), hydromorphone.equianalgesicDailyDose());
        assertEquals(mg("6.00"), hydromorphone.recommendedDailyDose());
        assertEquals(mg("0.00"), hydromorphone.crossToleranceReductionPct());
        OpioidConversion morphine = converted(request("MORPHINE", "IV", "40", "mg", "MORPHINE", "SC", null));
        assertEquals(mg("40.00"), morphine.equianalgesicDailyDose());
        assertEquals(mg("40.00"), morphine.recommendedDailyDose());
    }

    @Test
    void aFentanylPatchAndADriverKeepTheirMicrogramsPerHour() {
        OpioidConversion toDriver = converted(request("FENTANYL", "TRANSDERMAL", "50", "mcg/h", "FENTANYL", "SC",
                null));
        assertEquals(mg("1200.00"), toDriver.equianalgesicDailyDose());
        assertEquals(mg("1200.00"), toDriver.recommendedDailyDose());
        assertTrue(toDriver.trace().stream().anyMatch(line -> line.contains("50 mcg/h")), toDriver.trace().toString());
        OpioidConversion toPatch = converted(request("FENTANYL", "SC", "1200", "mcg", "FENTANYL", "TRANSDERMAL",
                null));
        assertEquals(mg("50.00"), toPatch.recommendedDailyDose());
        OpioidConversion fromMorphine = converted(request("MORPHINE", "ORAL", "120", "mg", "FENTANYL", "SC", null));
        assertEquals(mg("1200.00"), fromMorphine.equianalgesicDailyDose());
        assertEquals(mg("900.00"), fromMorphine.recommendedDailyDose());
        assertTrue(fromMorphine.trace().get(fromMorphine.trace().size() - 1).contains("37.5 mcg/h"),
                fromMorphine.trace().toString());
    }

    @Test
    void theDoseToStartIsOneThatCanBeGivenAndTheTraceKeepsTheExactFigure() {
        OpioidConversion tapentadol = converted(request("MORPHINE", "ORAL", "90", "mg", "TAPENTADOL", "ORAL", null));
        assertEquals(mg("150.00"), tapentadol.recommendedDailyDose());
        assertTrue(tapentadol.trace().stream().anyMatch(line -> line.contains("168.75")), tapentadol.trace().toString());
        assertTrue(tapentadol.trace().get(tapentadol.trace().size() - 1).contains("150 mg/d"),
                tapentadol.trace().toString());
        assertEquals(mg("300.00"), converted(request("MORPHINE", "ORAL", "90", "mg", "TRAMADOL", "ORAL", null))
                .recommendedDailyDose());
        assertEquals(mg("26.00"), converted(request("MORPHINE", "ORAL", "80", "mg", "MORPHINE", "SC", null))
                .recommendedDailyDose());
    }

    private static java.math.BigDecimal scheduledOmedd(ProposedItem... items) {
        return Omedd.of(RegimenFixtures.regimen(items), CDC_2022).scheduledMg();
    }

    private static String caution(OpioidConversion conversion, String code) {
        return conversion.cautions().stream().filter(c -> c.code().equals(code)).map(Caution::message).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing: " + conversion.cautions()));
    }
}
