package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The OMEDD contributions of one opioid line by its mode (clinical-rules §8.10): SCHEDULED lines as before; regular
 * catheter injections as dose × timesPerDay; an infusion as ratePerHour × 24; a PCA as its basal rate × 24 (by the
 * clock, in the scheduled OMEDD) plus its demand maximum, the 4-hour limit pro rata (stated as a maximum, in the PRN
 * OMEDD). Epidural and intrathecal figures use the 1 : 10 : 100 : 300 ratio and are marked approximate.
 */
final class LineOmedd {

    private static final String NO_NEURAXIAL_FACTOR = "no published oral equivalent for this route (PACC 2017):"
            + " not counted in the OMEDD";

    private LineOmedd() {
    }

    /**
     * @param infusionFactor the factor for what runs by the clock (an infusion, a PCA's basal rate, and doses given
     *                       around the clock): for parenteral fentanyl 2.4 per mcg/h of the average rate, not its
     *                       bolus factor (§2.3, §2.7), so the same daily amount counts the same however it is given
     */
    static List<Contribution> of(int itemIndex, RegimenItem item, MmeFactor bolusFactor, MmeFactor infusionFactor) {
        if (!item.isOpioid()) {
            return List.of(new Contribution(itemIndex, item.drug().code(), item.route(), false, item.dailyDose(),
                    item.unit().dailySymbol(), null, Amounts.rounded(BigDecimal.ZERO), "clinical-rules §8.10",
                    describe(item) + ": not an opioid, no OMEDD", false));
        }
        // Only a single or as-needed bolus is worth its bolus factor; scheduled doses add up to an average rate.
        MmeFactor factor = item.prn() ? bolusFactor : infusionFactor;
        if (item.mode() == LineMode.SCHEDULED && factor != null) {
            return List.of(Contribution.of(itemIndex, item, factor));
        }
        if (item.mode() == LineMode.SCHEDULED) {
            return List.of(item.route().isNeuraxial() ? unfactored(itemIndex, item, false, item.dailyDose(),
                    describe(item)) : Contribution.of(itemIndex, item, null));
        }
        return switch (item.mode()) {
            case CATHETER_BOLUS -> List.of(line(itemIndex, item, factor, item.prn(), item.dailyDose(),
                    describe(item) + " through the catheter", item.prn() ? " if every PRN dose is taken" : ""));
            case CONTINUOUS_INFUSION -> List.of(line(itemIndex, item, infusionFactor, false, item.dailyDose(),
                    describe(item), ""));
            default -> pca(itemIndex, item, bolusFactor, infusionFactor);
        };
    }

    private static List<Contribution> pca(int itemIndex, RegimenItem item, MmeFactor factor,
                                          MmeFactor infusionFactor) {
        List<Contribution> parts = new ArrayList<>();
        String unit = item.unit().symbol();
        if (item.ratePerHour() != null) {
            parts.add(line(itemIndex, item, infusionFactor, false, item.basalDailyDose(), item.drug().name()
                    + " PCA basal " + Amounts.plain(item.ratePerHour()) + " " + unit + "/h × 24 = "
                    + Amounts.plain(item.basalDailyDose()) + " " + item.unit().dailySymbol() + " " + item.route(),
                    ""));
        }
        String limit = item.maxDosePer4h() != null
                ? "4-hour maximum " + Amounts.plain(item.maxDosePer4h()) + " " + unit
                : "no 4-hour maximum set: every " + Amounts.plain(item.bolusDose()) + " " + unit + " bolus the "
                        + item.lockoutMinutes() + "-min lockout allows, " + Amounts.plain(item.demandMaximumPer4h())
                        + " " + unit + " per 4 h";
        parts.add(line(itemIndex, item, factor, true, item.demandDailyMaximum(), item.drug().name() + " PCA demand ("
                + Amounts.plain(item.bolusDose()) + " " + unit + " bolus, lockout " + item.lockoutMinutes()
                + " min), " + limit + " × 6 = at most " + Amounts.plain(item.demandDailyMaximum()) + " "
                + item.unit().dailySymbol() + " " + item.route(), " at most, if every demand dose allowed is given"));
        return parts;
    }

    private static Contribution line(int itemIndex, RegimenItem item, MmeFactor factor, boolean prn,
                                     BigDecimal dailyDose, String dose, String qualifier) {
        boolean approximate = item.route().isNeuraxial();
        if (factor == null) {
            return unfactored(itemIndex, item, prn, dailyDose, dose);
        }
        BigDecimal factorAt = factor.factorAt(dailyDose);
        BigDecimal omedd = Amounts.rounded(dailyDose.multiply(factorAt));
        return new Contribution(itemIndex, item.drug().code(), item.route(), prn, dailyDose,
                item.unit().dailySymbol(), factorAt, omedd, factor.source(),
                dose + " × " + Amounts.plain(factorAt) + " = " + Amounts.plain(omedd) + " mg/d OMEDD" + qualifier
                        + (approximate ? " (approximate: " + factor.source() + "; display only)" : ""),
                approximate);
    }

    private static Contribution unfactored(int itemIndex, RegimenItem item, boolean prn, BigDecimal dailyDose,
                                           String dose) {
        if (!item.route().isNeuraxial()) {
            return new Contribution(itemIndex, item.drug().code(), item.route(), prn, dailyDose,
                    item.unit().dailySymbol(), null, Amounts.rounded(BigDecimal.ZERO), "CDC 2022: no MME factor",
                    dose + ": no MME factor (partial agonist, CDC 2022), not counted in the OMEDD", false);
        }
        return new Contribution(itemIndex, item.drug().code(), item.route(), prn, dailyDose,
                item.unit().dailySymbol(), null, Amounts.rounded(BigDecimal.ZERO), FactorProfile.NEURAXIAL_RATIO,
                dose + ": " + NO_NEURAXIAL_FACTOR, true);
    }

    /** "morphine 2.4 mg/d INTRATHECAL (0.1 mg/h × 24)" or "morphine 8 mg/d EPIDURAL (2 mg × 4)". */
    private static String describe(RegimenItem item) {
        String amount = Amounts.plain(item.dailyDose()) + " " + item.unit().dailySymbol() + " " + item.route();
        if (item.mode() == LineMode.CONTINUOUS_INFUSION) {
            return item.drug().name() + " " + amount + " (" + Amounts.plain(item.ratePerHour()) + " "
                    + item.unit().symbol() + "/h × 24, continuous infusion)";
        }
        if (item.mode() == LineMode.PCA) {
            return item.drug().name() + " PCA " + Amounts.plain(item.bolusDose()) + " " + item.unit().symbol()
                    + " bolus, at most " + amount;
        }
        return item.drug().name() + " " + amount + " (" + Amounts.plain(item.dose()) + " " + item.unit().symbol()
                + " × " + item.timesPerDay() + ")";
    }
}
