package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.regimen.DoseSteps;
import org.painladder.domain.regimen.OpioidConversion;

/**
 * An opioid switch (clinical-rules §1.8, §2.6): the regimen domain's conversion (equianalgesic daily dose of the new
 * opioid less the cross-tolerance cut), rounded down to a dose step, the rounding in the trace; the rescue at 15 % of
 * the dose proposed (the conversion's own rescue caution, sized to the unrounded dose, is left out).
 *
 * <p>The new opioid is the first of oxycodone, hydromorphone, morphine (all by mouth) that is neither the current one
 * nor already tried on this step-3 course: morphine's metabolites drive neurotoxicity, so morphine goes to oxycodone,
 * oxycodone to hydromorphone. Methadone and the fentanyl patch are never chosen automatically (specialist ratios,
 * opioid-tolerance gate).
 */
final class Rotation {

    private static final List<String> PREFERENCE = List.of("OXYCODONE", "HYDROMORPHONE", "MORPHINE");

    private Rotation() {
    }

    record Plan(String toDrug, String toRoute, BigDecimal fromOmeddMg, BigDecimal equianalgesicDailyDose,
                int reductionPct, BigDecimal toDailyDose, String factorsUsed, List<String> trace,
                List<String> cautions, RescuePlan rescue) {
    }

    /**
     * The next opioid by preference, never one the organ-function bands say to avoid (§8.2: morphine with eGFR < 30
     * or dialysis), so hydromorphone comes first there.
     */
    static String nextOpioid(ScheduledDrug current, Set<String> tried, Set<OrganFunctionBand> bands) {
        List<String> allowed = (OrganFunction.judge("MORPHINE", bands).avoid() ? List.of("HYDROMORPHONE", "OXYCODONE")
                : PREFERENCE).stream().filter(d -> !OrganFunction.judge(d, bands).avoid()).toList();
        return allowed.stream().filter(d -> !d.equals(current.code()) && !tried.contains(d)).findFirst()
                .orElseGet(() -> allowed.stream().filter(d -> !d.equals(current.code())).findFirst().orElseThrow());
    }

    /** Empty when the current opioid has no equianalgesic factor (buprenorphine): a specialist converts it. */
    static Optional<Plan> plan(ScheduledDrug current, String toDrug, String toRoute, int reductionPct,
                               LadderPolicy policy) {
        return Equianalgesia.convert(current, toDrug, toRoute, reductionPct, policy.mmeFactorProfile())
                .map(conversion -> plan(conversion, toDrug, toRoute, policy));
    }

    private static Plan plan(OpioidConversion conversion, String toDrug, String toRoute, LadderPolicy policy) {
        BigDecimal recommended = conversion.recommendedDailyDose();
        BigDecimal rounded = DoseSteps.floor(recommended, DoseSteps.dailyStep(toDrug, toRoute));
        BigDecimal toDaily = rounded.signum() > 0 ? rounded : DoseSteps.plain(recommended);
        List<String> trace = new ArrayList<>(conversion.trace());
        if (toDaily.compareTo(recommended) != 0) {
            trace.add(recommended.stripTrailingZeros().toPlainString() + " rounded down to a dose that can be given ("
                    + DoseSteps.dailyStep(toDrug, toRoute).toPlainString() + " mg steps) = " + toDaily.toPlainString()
                    + " mg/d to start");
        }
        BigDecimal factor = Equianalgesia.factor(toDrug, toRoute, policy.mmeFactorProfile()).orElseThrow();
        BigDecimal newOmedd = toDaily.multiply(factor);
        ScheduledDrug proposed = new ScheduledDrug(toDrug, ScheduledDrug.STRONG_OPIOID, toRoute, toDaily, "mg",
                newOmedd,
                false);
        RescuePlan rescue = RescuePlan.forDailyOmedd(newOmedd, proposed, RegimenFacts.none(), policy);
        return new Plan(toDrug, toRoute, DoseSteps.plain(conversion.fromOmeddMg()),
                DoseSteps.plain(conversion.equianalgesicDailyDose()),
                        conversion.crossToleranceReductionPct().intValue(),
                toDaily, conversion.factorsUsed(), trace,
                conversion.cautions().stream().filter(c -> !"RESCUE_DOSE".equals(c.code())).map(c -> c.message())
                        .toList(), rescue);
    }

    /**
     * ROT-03's move of an oral opioid under the skin (§8.2): the same opioid subcutaneously where it has an SC form
     * the organ function allows (no cut: the same opioid by another route), otherwise the strong opioid the organ
     * function allows, less rotationReductionPct. A weak opioid goes too: codeine and tramadol have no parenteral form.
     */
    static Optional<Plan> underTheSkin(ScheduledDrug oral, Set<OrganFunctionBand> bands, LadderPolicy policy) {
        boolean sameDrug = oral.isStrongOpioid()
                && Equianalgesia.factor(oral.code(), Equianalgesia.SC, policy.mmeFactorProfile()).isPresent()
                && !OrganFunction.judge(oral.code(), bands).avoid();
        String toDrug = sameDrug ? oral.code() : OrganFunction.startingStrongOpioid(bands);
        return plan(oral, toDrug, Equianalgesia.SC, policy.rotationReductionPct(), policy);
    }

    /**
     * The route a switch keeps: a parenteral opioid stays parenteral, and a patient who cannot swallow gets the
     * subcutaneous route (§8.2, ROT-03); otherwise by mouth.
     */
    static String keptRoute(ScheduledDrug current, PatientFactors factors) {
        if (Equianalgesia.SC.equals(current.route()) || "IV".equals(current.route())) {
            return current.route();
        }
        return factors.isUnableToSwallow() ? Equianalgesia.SC : Equianalgesia.ORAL;
    }

    /** How a parenteral daily dose is given; null by mouth, where the new drug's own schedule applies. */
    static String infusion(String route) {
        return switch (route) {
            case "SC" -> "continuous subcutaneous infusion over 24 h";
            case "IV" -> "continuous intravenous infusion over 24 h";
            default -> null;
        };
    }

    /** Why a switch is not by mouth, in words; empty when it is. */
    static String routeNote(ScheduledDrug current, Plan plan) {
        if (Equianalgesia.ORAL.equals(plan.toRoute())) {
            return "";
        }
        return " Give it by " + infusion(plan.toRoute()) + (plan.toRoute().equals(current.route())
                ? " (the route stays parenteral, as now)." : " (the patient cannot swallow).");
    }

    static Advice addTo(Advice advice, ScheduledDrug current, Plan plan) {
        return advice.propose("fromDrug", current.code())
                .propose("fromRoute", current.route())
                .propose("fromDailyDose", DoseSteps.plain(current.dailyDose()))
                .propose("fromUnit", current.unit())
                .propose("fromOmeddMg", plan.fromOmeddMg())
                .propose("drug", plan.toDrug())
                .propose("route", plan.toRoute())
                .propose("equianalgesicDailyDose", plan.equianalgesicDailyDose())
                .propose("crossToleranceReductionPct", plan.reductionPct())
                .propose("toDailyDose", plan.toDailyDose())
                .propose("unit", "mg")
                .propose("factorsUsed", plan.factorsUsed())
                .propose("conversion", plan.trace())
                .propose("cautions", plan.cautions())
                .rescue(plan.rescue());
    }

    static String describe(ScheduledDrug current, Plan plan) {
        String cut = plan.reductionPct() == 0 ? ", with no cut (the same opioid by another route)"
                : ", less " + plan.reductionPct() + " % for incomplete cross-tolerance";
        String text = "Switch " + Advice.drugName(current.code()) + " " + Advice.daily(current.dailyDose(),
                current.unit())
                + " (OMEDD " + plan.fromOmeddMg().toPlainString() + " mg/day) to " + Advice.drugName(plan.toDrug())
                + " " + plan.toRoute().toLowerCase(java.util.Locale.ROOT) + ": equianalgesic "
                + Advice.daily(plan.equianalgesicDailyDose(), "mg") + cut + " = " + Advice.daily(plan.toDailyDose(),
                "mg")
                + ", with a rescue of " + plan.rescue().describe() + ", then titrate.";
        if ("TRANSDERMAL".equals(current.route())) {
            text += " Remove the patch and start the new opioid about 12 h later (the skin depot keeps "
                    + "releasing drug).";
        }
        return text;
    }
}
