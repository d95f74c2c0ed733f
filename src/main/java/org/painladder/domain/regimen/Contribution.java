package org.painladder.domain.regimen;

import java.math.BigDecimal;

/**
 * Where one opioid line's share of the OMEDD comes from: its daily dose, the factor, the factor's source and the
 * product, written out as a clinician would check it ("oxycodone 40 mg/d × 1.5 = 60 mg/d OMEDD").
 *
 * @param itemIndex   the regimen line, as in {@code items[n]}; a PCA with a basal rate has two contributions, the
 *                    basal one (by the clock) and its demand maximum ({@code prn} true)
 * @param factor      null when the drug has no MME factor (buprenorphine), then {@code omeddMg} is 0
 * @param approximate the figure rests on a ratio that is only approximate (epidural and intrathecal lines, §8.10):
 *                    for display, never for converting into that route
 */
public record Contribution(
        int itemIndex,
        String drug,
        Route route,
        boolean prn,
        BigDecimal dailyDose,
        String dailyUnit,
        BigDecimal factor,
        BigDecimal omeddMg,
        String source,
        String trace,
        boolean approximate) {

    static Contribution of(int itemIndex, RegimenItem item, MmeFactor mmeFactor) {
        BigDecimal dailyDose = item.dailyDose();
        String dose = item.drug().name() + " " + dailyDoseText(item);
        if (mmeFactor == null) {
            return new Contribution(itemIndex, item.drug().code(), item.route(), item.prn(), dailyDose,
                    item.unit().dailySymbol(), null, Amounts.rounded(BigDecimal.ZERO), "CDC 2022: no MME factor",
                    dose + ": no MME factor (partial agonist, CDC 2022), not counted in the OMEDD", false);
        }
        BigDecimal factor = mmeFactor.factorAt(dailyDose);
        BigDecimal omedd = Amounts.rounded(dailyDose.multiply(factor));
        return new Contribution(itemIndex, item.drug().code(), item.route(), item.prn(), dailyDose,
                item.unit().dailySymbol(), factor, omedd, mmeFactor.source(),
                dose + " × " + Amounts.plain(factor) + " = " + Amounts.plain(omedd) + " mg/d OMEDD"
                        + (item.prn() ? " if every PRN dose is taken" : ""), false);
    }

    private static String dailyDoseText(RegimenItem item) {
        String route = item.route() == Route.ORAL ? "" : " " + item.route().name();
        if (item.route() == Route.TRANSDERMAL) {
            return Amounts.plain(item.dose()) + " mcg/h" + route;
        }
        return Amounts.plain(item.dailyDose()) + " " + item.unit().dailySymbol() + route
                + " (" + Amounts.plain(item.dose()) + " " + item.unit().symbol() + " × " + item.timesPerDay() + ")";
    }
}
