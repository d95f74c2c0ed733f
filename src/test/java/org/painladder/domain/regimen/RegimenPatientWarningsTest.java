package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.mg;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.prn;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.RenalFunction;

/** The regimen warnings that depend on the patient: organ function and weight (§8.2), and the laxative (§8.7). */
class RegimenPatientWarningsTest {

    private static final int YEAR = 2026;
    private static final ProposedItem SENNA = oral("SENNA", "15", 1);

    private static PatientOrganFunction egfr(double egfr) {
        return PatientOrganFunction.of(new PatientFactors(new RenalFunction(egfr, Dialysis.NONE, null), null, null,
                null, null), 1960, YEAR);
    }

    private static List<RegimenWarning> warnings(PatientOrganFunction patient, String code, ProposedItem... items) {
        return regimen(items).evaluate(CDC_2022, OpioidTolerance.unknown(), patient).warnings().stream()
                .filter(warning -> warning.code().equals(code)).toList();
    }

    @Test
    void myelomaWithEgfr12OnCodeineMorphineNsaidAndZoledronateIsWarnedOnEachLine() {
        List<RegimenWarning> organ = warnings(egfr(12), RegimenWarning.ORGAN_FUNCTION,
                oral("CODEINE", "60", 4), oral("MORPHINE", "10", 6), oral("IBUPROFEN", "400", 3),
                scheduled("ZOLEDRONIC_ACID", "IV", "4", "mg", 1), SENNA);

        assertEquals(4, organ.size(), organ.toString());
        assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)),
                organ.stream().map(RegimenWarning::items).toList());
        for (RegimenWarning warning : organ) {
            assertTrue(warning.message().startsWith("eGFR 12: "), warning.message());
            assertTrue(warning.message().contains("— avoid (renal failure"), warning.message());
            assertEquals(mg("12.0"), warning.figures().get("egfr"));
        }
        assertTrue(organ.get(0).message().contains("prefer oxycodone or hydromorphone"), organ.get(0).message());
        assertTrue(organ.get(1).message().contains("prefer hydromorphone or fentanyl"), organ.get(1).message());
        assertTrue(organ.get(2).message().contains("prefer paracetamol (acetaminophen)"), organ.get(2).message());
        assertTrue(organ.get(3).message().contains("prefer denosumab"), organ.get(3).message());
        assertTrue(organ.get(3).message().contains("Zometa"), organ.get(3).message());
    }

    @Test
    void reducedRenalFunctionIsACautionWithTheDoseCut() {
        List<RegimenWarning> organ = warnings(egfr(45), RegimenWarning.ORGAN_FUNCTION, oral("MORPHINE", "10", 6),
                oral("OXYCODONE", "10", 2), SENNA);
        assertEquals(1, organ.size(), organ.toString());
        RegimenWarning morphine = organ.get(0);
        assertTrue(morphine.message().startsWith("eGFR 45: morphine (item 0) — caution"), morphine.message());
        assertEquals(mg("25"), morphine.figures().get("doseReductionMinPct"));
        assertEquals(mg("50"), morphine.figures().get("doseReductionMaxPct"));
    }

    @Test
    void preferredDrugsAndUnknownFactorsRaiseNoOrganWarning() {
        assertEquals(List.of(), warnings(egfr(12), RegimenWarning.ORGAN_FUNCTION,
                scheduled("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1), SENNA));
        assertEquals(List.of(), warnings(egfr(60), RegimenWarning.ORGAN_FUNCTION, oral("MORPHINE", "10", 6), SENNA));
        assertEquals(List.of(), warnings(PatientOrganFunction.unknown(), RegimenWarning.ORGAN_FUNCTION,
                oral("MORPHINE", "10", 6), oral("IBUPROFEN", "400", 3), SENNA));
    }

    @Test
    void dialysisAndTheGabapentinLabelCapAreNamed() {
        PatientOrganFunction dialysed = PatientOrganFunction.of(new PatientFactors(
                new RenalFunction(null, Dialysis.HAEMODIALYSIS, null), null, null, null, null), 1960, YEAR);
        RegimenWarning gabapentin = warnings(dialysed, RegimenWarning.ORGAN_FUNCTION, oral("GABAPENTIN", "300", 3))
                .get(0);
        assertTrue(gabapentin.message().startsWith("haemodialysis: gabapentin (item 0) — caution"),
                gabapentin.message());
        assertTrue(gabapentin.message().contains("900 mg/d (PRN lines at their daily maximum) is above 300 mg/d"),
                gabapentin.message());
        assertEquals(mg("300"), gabapentin.figures().get("maxDailyDoseMg"));
    }

    @Test
    void childPughCCapsParacetamolAtTwoGrams() {
        PatientOrganFunction childPughC = PatientOrganFunction.of(new PatientFactors(null, HepaticImpairment.SEVERE,
                null, null, null), 1960, YEAR);
        RegimenWarning paracetamol = warnings(childPughC, RegimenWarning.ORGAN_FUNCTION,
                oral("PARACETAMOL", "1000", 3)).get(0);
        assertTrue(paracetamol.message().startsWith("Child-Pugh C: paracetamol"), paracetamol.message());
        assertTrue(paracetamol.message().contains("3000 mg/d (PRN lines at their daily maximum) is above 2000 mg/d"),
                paracetamol.message());
    }

    @Test
    void theElderlyAreWarnedOffAmitriptylineByAge() {
        PatientOrganFunction eighty = PatientOrganFunction.of(PatientFactors.none(), YEAR - 80, YEAR);
        RegimenWarning amitriptyline = warnings(eighty, RegimenWarning.ORGAN_FUNCTION, oral("AMITRIPTYLINE", "25", 1))
                .get(0);
        assertTrue(amitriptyline.message().startsWith("age 80: amitriptyline (item 0) — avoid"),
                amitriptyline.message());
        assertTrue(amitriptyline.message().contains("prefer gabapentin or pregabalin or duloxetine"),
                amitriptyline.message());
        assertEquals(List.of(), warnings(PatientOrganFunction.of(PatientFactors.none(), YEAR - 74, YEAR),
                RegimenWarning.ORGAN_FUNCTION, oral("AMITRIPTYLINE", "25", 1)));
    }

    @Test
    void paracetamolAbove60MgPerKgIsWarnedOnlyUnder50Kg() {
        PatientOrganFunction fortyFiveKg = PatientOrganFunction.of(new PatientFactors(null, null, null, 45.0, null),
                1960, YEAR);
        RegimenWarning warning = warnings(fortyFiveKg, RegimenWarning.PARACETAMOL_ABOVE_WEIGHT_DOSE,
                oral("PARACETAMOL", "1000", 3)).get(0);
        assertEquals(mg("3000"), warning.figures().get("dailyDoseMg"));
        assertEquals(mg("2700.00"), warning.figures().get("maxDailyDoseMg"));
        assertEquals(List.of(), warnings(fortyFiveKg, RegimenWarning.PARACETAMOL_ABOVE_WEIGHT_DOSE,
                oral("PARACETAMOL", "900", 3)));
        PatientOrganFunction fiftyKg = PatientOrganFunction.of(new PatientFactors(null, null, null, 50.0, null),
                1960, YEAR);
        assertEquals(List.of(), warnings(fiftyKg, RegimenWarning.PARACETAMOL_ABOVE_WEIGHT_DOSE,
                oral("PARACETAMOL", "1000", 4)));
    }

    @Test
    void everyScheduledOpioidNeedsAScheduledLaxative() {
        PatientOrganFunction unknown = PatientOrganFunction.unknown();
        RegimenWarning missing = warnings(unknown, RegimenWarning.NO_LAXATIVE, oral("PARACETAMOL", "1000", 4),
                oral("OXYCODONE", "10", 2), prn("MACROGOL", "ORAL", "13125", "mg", 2)).get(0);
        assertEquals(List.of(1), missing.items());
        assertEquals(List.of(), warnings(unknown, RegimenWarning.NO_LAXATIVE, oral("OXYCODONE", "10", 2),
                oral("MACROGOL", "13125", 1)));
        assertEquals(List.of(), warnings(unknown, RegimenWarning.NO_LAXATIVE, prn("MORPHINE", "ORAL", "5", "mg", 6)));
        assertFalse(warnings(unknown, RegimenWarning.NO_LAXATIVE, oral("CODEINE", "30", 4)).isEmpty());
    }
}
