package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.List;

/** Regimen lines as an EHR writes them, checked against the default CDC 2022 formulary. */
final class RegimenFixtures {

    static final Formulary CDC_2022 = new Formulary(FactorProfile.CDC_2022);

    private RegimenFixtures() {
    }

    static ProposedItem scheduled(String drug, String route, String dose, String unit, int timesPerDay) {
        return new ProposedItem(drug, route, new BigDecimal(dose), unit, timesPerDay, false);
    }

    static ProposedItem prn(String drug, String route, String dose, String unit, int timesPerDay) {
        return new ProposedItem(drug, route, new BigDecimal(dose), unit, timesPerDay, true);
    }

    static ProposedItem oral(String drug, String doseMg, int timesPerDay) {
        return scheduled(drug, "ORAL", doseMg, "mg", timesPerDay);
    }

    static Regimen regimen(Formulary formulary, ProposedItem... items) {
        Validated<Regimen> checked = Regimen.check(List.of(items), formulary);
        if (checked instanceof Validated.Valid<Regimen> valid) {
            return valid.value();
        }
        throw new AssertionError("fixture regimen is invalid: " + checked);
    }

    static Regimen regimen(ProposedItem... items) {
        return regimen(CDC_2022, items);
    }

    static RegimenEvaluation evaluate(ProposedItem... items) {
        return regimen(items).evaluate(CDC_2022, OpioidTolerance.unknown());
    }

    static List<RegimenViolation> violations(ProposedItem... items) {
        Validated<Regimen> checked = Regimen.check(List.of(items), CDC_2022);
        return checked instanceof Validated.Invalid<Regimen> invalid ? invalid.violations() : List.of();
    }

    static BigDecimal mg(String amount) {
        return new BigDecimal(amount);
    }
}
