package org.painladder.interop.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.painladder.domain.regimen.Drug;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.Route;

/** How an EHR's MedicationRequest becomes a regimen line, and which element is named when it cannot. */
class MedicationRequestMappingTest {

    private static final Formulary FORMULARY = new Formulary(FactorProfile.CDC_2022);

    @Test
    void everyFormularyDrugHasAnRxNormIngredientWithItsSourceAndEveryRowNamesAFormularyDrug() {
        for (Drug drug : FORMULARY.drugs()) {
            RxNormIngredients.Ingredient ingredient = RxNormIngredients.table().byFormularyCode(drug.code())
                    .orElseThrow(() -> new AssertionError(drug.code() + " has no RxNorm ingredient"));
            assertTrue(ingredient.rxcui().matches("\\d+"), drug.code());
            assertTrue(List.of("CDC-MME", "RxNorm-IN").contains(ingredient.source()), drug.code());
        }
        RxNormIngredients.table().all().keySet().forEach(code ->
                assertTrue(FORMULARY.find(code).isPresent(), code + " is in the table but not in the formulary"));
    }

    @Test
    void everyFormularyDrugByEveryRouteRoundTripsThroughAMedicationRequest() {
        for (Drug drug : FORMULARY.drugs()) {
            for (Route route : drug.routeSet()) {
                RegimenItem line = new RegimenItem(drug, route, new BigDecimal("2.5"), drug.unitFor(route).orElseThrow(),
                        route == Route.TRANSDERMAL ? 1 : 4, false);
                MedicationRequests.Mapping mapping = MedicationRequests.toProposedItem(
                        MedicationRequests.of(line, UUID.randomUUID()), FORMULARY);
                ProposedItem item = assertInstanceOf(MedicationRequests.Mapping.Mapped.class, mapping).item();
                assertEquals(new ProposedItem(drug.code(), route.name(), new BigDecimal("2.5"),
                        line.unit().symbol(), line.timesPerDay(), false), item, drug.code() + " " + route);
            }
        }
    }

    @Test
    void oxycodoneTenMilligramsEveryTwelveHoursByMouthIsTwentyMilligramsADay() {
        ProposedItem item = mapped(order("7804", "26643006", 10, "mg", repeat(1, 12, Timing.UnitsOfTime.H)));
        assertEquals(new ProposedItem("OXYCODONE", "ORAL", BigDecimal.TEN, "mg", 2, false), item);
    }

    @Test
    void unitsAreConvertedToTheFormularysUnit() {
        assertEquals(new BigDecimal("1000"), mapped(order("161", "26643006", 1, "g",
                repeat(1, 6, Timing.UnitsOfTime.H))).dose());
        assertEquals(new BigDecimal("0.5"), mapped(order("3423", "26643006", 500, "ug",
                repeat(1, 4, Timing.UnitsOfTime.H))).dose());
        assertEquals(new BigDecimal("100"), mapped(order("4337", "47625008", 0.1, "mg",
                repeat(1, 1, Timing.UnitsOfTime.H))).dose());
        ProposedItem patch = mapped(order("4337", "45890007", 25, "ug/h", repeat(1, 72, Timing.UnitsOfTime.H)));
        assertEquals(new ProposedItem("FENTANYL", "TRANSDERMAL", new BigDecimal("25"), "mcg/h", 1, false), patch);
    }

    /** A patch delivers a rate: FHIR says so with rateQuantity, and a dose of "1 patch" says nothing of it. */
    @Test
    void aPatchIsExportedWithItsDeliveryRateAsRateQuantityNotADose() {
        for (String code : List.of("FENTANYL", "BUPRENORPHINE")) {
            Drug drug = FORMULARY.find(code).orElseThrow();
            Dosage dosage = MedicationRequests.of(new RegimenItem(drug, Route.TRANSDERMAL, new BigDecimal("25"),
                    drug.unitFor(Route.TRANSDERMAL).orElseThrow(), 1, false), UUID.randomUUID())
                    .getDosageInstructionFirstRep();
            Dosage.DosageDoseAndRateComponent doseAndRate = dosage.getDoseAndRateFirstRep();
            assertTrue(doseAndRate.hasRateQuantity(), code + " patch carries its rate");
            assertFalse(doseAndRate.hasDose(), code + " patch carries no dose");
            assertEquals(new BigDecimal("25"), doseAndRate.getRateQuantity().getValue());
            assertEquals("ug/h", doseAndRate.getRateQuantity().getCode());
            assertEquals(MedicationRequests.UCUM, doseAndRate.getRateQuantity().getSystem());
        }
        Dosage oral = MedicationRequests.of(new RegimenItem(FORMULARY.find("MORPHINE").orElseThrow(), Route.ORAL,
                BigDecimal.TEN, org.painladder.domain.regimen.DoseUnit.MG, 6, false), UUID.randomUUID())
                .getDosageInstructionFirstRep();
        assertTrue(oral.getDoseAndRateFirstRep().hasDoseQuantity(), "a tablet is still a dose");
    }

    @Test
    void aPatchOrderGivingItsRateIsReadAsThePatchRate() {
        MedicationRequest byRate = order("4337", "45890007", 1, "{patch}", repeat(1, 72, Timing.UnitsOfTime.H));
        byRate.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setRate(new Quantity()
                .setValue(new BigDecimal("37.5")).setSystem(MedicationRequests.UCUM).setCode("ug/h").setUnit("mcg/h"));
        assertEquals(new ProposedItem("FENTANYL", "TRANSDERMAL", new BigDecimal("37.5"), "mcg/h", 1, false),
                mapped(byRate), "a dose of one patch beside the rate");

        MedicationRequest rateOnly = order("1819", "45890007", 10, "ug/h", repeat(1, 7, Timing.UnitsOfTime.D));
        Dosage.DosageDoseAndRateComponent doseAndRate = rateOnly.getDosageInstructionFirstRep().getDoseAndRateFirstRep();
        doseAndRate.setRate(doseAndRate.getDoseQuantity()).setDose(null);
        assertEquals(new ProposedItem("BUPRENORPHINE", "TRANSDERMAL", BigDecimal.TEN, "mcg/h", 1, false),
                mapped(rateOnly));

        MedicationRequest ratio = order("4337", "45890007", 1, "{patch}", repeat(1, 72, Timing.UnitsOfTime.H));
        ratio.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setRate(new Ratio()
                .setNumerator(new Quantity().setValue(new BigDecimal("0.025")).setSystem(MedicationRequests.UCUM)
                        .setCode("mg"))
                .setDenominator(new Quantity().setValue(BigDecimal.ONE).setSystem(MedicationRequests.UCUM)
                        .setCode("h")));
        assertEquals(new BigDecimal("25"), mapped(ratio).dose(), "0.025 mg per hour is 25 mcg/h");

        MedicationRequest perDay = order("4337", "45890007", 1, "{patch}", repeat(1, 72, Timing.UnitsOfTime.H));
        perDay.getDosageInstructionFirstRep().getDoseAndRateFirstRep().setRate(new Quantity()
                .setValue(new BigDecimal("600")).setSystem(MedicationRequests.UCUM).setCode("ug/d"));
        assertEquals("MedicationRequest.dosageInstruction[0].doseAndRate[0].rate[x]", unmappable(perDay).element());
    }

    @Test
    void frequencyMaxPeriodsInDaysTimingCodesAndAsNeededAreRead() {
        MedicationRequest rescue = order("7052", "26643006", 5, "mg", repeat(1, 4, Timing.UnitsOfTime.H));
        rescue.getDosageInstructionFirstRep().getTiming().getRepeat().setFrequencyMax(2);
        rescue.getDosageInstructionFirstRep().setAsNeeded(new BooleanType(true));
        assertEquals(new ProposedItem("MORPHINE", "ORAL", new BigDecimal("5"), "mg", 12, true), mapped(rescue));
        assertEquals(3, mapped(order("7804", "26643006", 5, "mg", repeat(3, 1, Timing.UnitsOfTime.D))).timesPerDay());
        MedicationRequest bid = order("25480", "26643006", 300, "mg", new Timing());
        bid.getDosageInstructionFirstRep().getTiming().setCode(new CodeableConcept(new Coding(
                MedicationRequests.TIMING_ABBREVIATION, "BID", "twice a day")));
        assertEquals(2, mapped(bid).timesPerDay());
        MedicationRequest v3Route = order("7804", null, 5, "mg", repeat(1, 6, Timing.UnitsOfTime.H));
        v3Route.getDosageInstructionFirstRep().setRoute(new CodeableConcept(new Coding(MedicationRequests.V3_ROUTE,
                "PO", "Swallow, oral")));
        assertEquals("ORAL", mapped(v3Route).route());
    }

    @Test
    void whatCannotBeReadIsNamedByItsElement() {
        assertEquals("MedicationRequest.medication[x]", unmappable(order("999999", "26643006", 5, "mg",
                repeat(1, 4, Timing.UnitsOfTime.H))).element());
        MedicationRequest noDosage = order("7804", "26643006", 5, "mg", repeat(1, 4, Timing.UnitsOfTime.H));
        noDosage.setDosageInstruction(List.of());
        assertEquals("MedicationRequest.dosageInstruction", unmappable(noDosage).element());
        assertEquals("MedicationRequest.dosageInstruction[0].route", unmappable(order("7804", null, 5, "mg",
                repeat(1, 4, Timing.UnitsOfTime.H))).element());
        assertEquals("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity", unmappable(order("7804",
                "26643006", 5, "mL", repeat(1, 4, Timing.UnitsOfTime.H))).element());
        assertEquals("MedicationRequest.dosageInstruction[0].timing.repeat", unmappable(order("7804", "26643006",
                5, "mg", repeat(1, 5, Timing.UnitsOfTime.H))).element());
        assertEquals("MedicationRequest.dosageInstruction[0].route", unmappable(order("7804", "45890007", 5, "mg",
                repeat(1, 5, Timing.UnitsOfTime.H))).element(), "oxycodone comes in no patch here");
    }

    private static ProposedItem mapped(MedicationRequest request) {
        return assertInstanceOf(MedicationRequests.Mapping.Mapped.class,
                MedicationRequests.toProposedItem(request, FORMULARY)).item();
    }

    private static MedicationRequests.Mapping.Unmappable unmappable(MedicationRequest request) {
        return assertInstanceOf(MedicationRequests.Mapping.Unmappable.class,
                MedicationRequests.toProposedItem(request, FORMULARY));
    }

    static Timing repeat(int frequency, double period, Timing.UnitsOfTime unit) {
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(frequency).setPeriod(BigDecimal.valueOf(period)).setPeriodUnit(unit);
        return timing;
    }

    static MedicationRequest order(String rxcui, String snomedRoute, double dose, String ucum, Timing timing) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept(new Coding(RxNormIngredients.SYSTEM, rxcui, null)));
        Dosage dosage = request.addDosageInstruction().setTiming(timing);
        if (snomedRoute != null) {
            dosage.setRoute(new CodeableConcept(new Coding(MedicationRequests.SNOMED, snomedRoute, null)));
        }
        dosage.addDoseAndRate().setDose(new Quantity().setValue(BigDecimal.valueOf(dose))
                .setSystem("http://unitsofmeasure.org").setCode(ucum).setUnit(ucum));
        return request;
    }
}
