package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.prn;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;
import static org.painladder.domain.regimen.RegimenFixtures.violations;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A regimen line the formulary cannot read is refused, naming the line and the field. */
class RegimenValidationTest {

    @Test
    void unknownDrugNamesTheItem() {
        assertEquals(List.of("items[1].drug"), fields(violations(oral("MORPHINE", "10", 6), oral("UNOBTAINIUM", "5", 1))));
    }

    @Test
    void routeTheDrugIsNotGivenByIsRefused() {
        List<RegimenViolation> refused = violations(scheduled("OXYCODONE", "TRANSDERMAL", "10", "mcg/h", 1));
        assertEquals(List.of("items[0].route"), fields(refused));
        assertEquals("OXYCODONE is not given TRANSDERMAL here; its routes are IV, ORAL, SC", refused.get(0).message());
        assertEquals(List.of("items[0].route"), fields(violations(scheduled("MORPHINE", "INTRANASAL", "10", "mg", 1))));
    }

    @Test
    void nonPositiveOrMissingDoseIsRefused() {
        assertEquals(List.of("items[0].dose"), fields(violations(oral("MORPHINE", "0", 6))));
        assertEquals(List.of("items[0].dose"), fields(violations(oral("MORPHINE", "-5", 6))));
        assertEquals(List.of("items[0].dose"),
                fields(violations(new ProposedItem("MORPHINE", "ORAL", null, "mg", 6, false))));
    }

    @Test
    void unitThatDoesNotFitTheDrugIsRefused() {
        assertEquals(List.of("items[0].unit"), fields(violations(scheduled("FENTANYL", "TRANSDERMAL", "25", "mg", 1))));
        assertEquals(List.of("items[0].unit"), fields(violations(scheduled("MORPHINE", "ORAL", "10", "mcg", 6))));
        assertEquals(List.of("items[0].unit"), fields(violations(scheduled("MORPHINE", "ORAL", "10", "grains", 6))));
    }

    @Test
    void patchIsOncePerDayAndNeverPrn() {
        assertEquals(List.of("items[0].timesPerDay"),
                fields(violations(scheduled("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 3))));
        assertEquals(List.of("items[0].prn"), fields(violations(prn("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1))));
    }

    @Test
    void frequencyMustBeFromOnceToHourly() {
        assertEquals(List.of("items[0].timesPerDay"), fields(violations(oral("MORPHINE", "10", 0))));
        assertEquals(List.of("items[0].timesPerDay"), fields(violations(oral("MORPHINE", "10", 25))));
    }

    @Test
    void everyProblemOfEveryItemIsListed() {
        assertEquals(List.of("items[0].drug", "items[0].dose", "items[2].unit"), fields(violations(
                new ProposedItem("NOPE", "ORAL", BigDecimal.ZERO, "mg", 1, false), oral("PARACETAMOL", "1000", 4),
                scheduled("MORPHINE", "SC", "5", "mcg", 6))));
    }

    @Test
    void codesRoutesAndUnitsAreReadInAnyCase() {
        assertEquals(List.of(), violations(scheduled("oxycodone", "oral", "10", "MG", 2),
                scheduled("Fentanyl", "Transdermal", "25", "MCG/H", 1)));
    }

    private static List<String> fields(List<RegimenViolation> violations) {
        return violations.stream().map(RegimenViolation::field).toList();
    }
}
