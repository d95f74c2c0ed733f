package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.painladder.domain.regimen.DoseSteps;

/**
 * The rescue (breakthrough) dose that goes with a daily opioid dose: {@code rescueFractionTarget} (15 %) of the
 * daily OMEDD, in the patient's current rescue opioid unless it has a ceiling, else in the scheduled opioid by its
 * route when it has an immediate-release form, else as oral morphine. Rounded to a dose that can be given when that
 * stays within 10–20 %.
 */
record RescuePlan(String drug, String route, BigDecimal singleDose, String unit, String frequency) {

    static RescuePlan forDailyOmedd(BigDecimal dailyOmeddMg, ScheduledDrug scheduledOpioid, RegimenFacts regimen,
                                    LadderPolicy policy) {
        String drug;
        String route;
        String unit;
        BigDecimal omeddPerUnit;
        // A rescue in a drug with a ceiling (tapentadol) would add to a daily total the ceiling already bounds.
        RescueDose current = Titration.primaryRescue(regimen).filter(r -> Equianalgesia.ceilingMg(r.code(), r.route(),
                policy.mmeFactorProfile()).isEmpty()).orElse(null);
        if (current != null) {
            drug = current.code();
            route = current.route();
            unit = current.unit();
            omeddPerUnit = current.singleDoseOmeddMg().divide(current.singleDose(), 6, RoundingMode.HALF_UP);
        } else if (scheduledOpioid != null && hasImmediateRelease(scheduledOpioid)) {
            drug = scheduledOpioid.code();
            route = scheduledOpioid.route();
            unit = "mg";
            omeddPerUnit = Equianalgesia.factor(drug, route, policy.mmeFactorProfile()).orElseThrow();
        } else {
            drug = "MORPHINE";
            route = Equianalgesia.ORAL;
            unit = "mg";
            omeddPerUnit = BigDecimal.ONE;
        }
        BigDecimal exact = dailyOmeddMg.multiply(policy.rescueFractionTarget()).divide(omeddPerUnit, 4,
                RoundingMode.HALF_UP);
        BigDecimal rounded = DoseSteps.nearest(exact, DoseSteps.rescueStep(drug, route));
        BigDecimal fraction = dailyOmeddMg.signum() == 0 ? BigDecimal.ZERO
                : rounded.multiply(omeddPerUnit).divide(dailyOmeddMg, 4, RoundingMode.HALF_UP);
        boolean roundedInRange = fraction.compareTo(policy.rescueFractionMin()) >= 0
                && fraction.compareTo(policy.rescueFractionMax()) <= 0;
        return new RescuePlan(drug, route, roundedInRange ? rounded : DoseSteps.plain(exact), unit, frequency(route));
    }

    /** The strong opioids with an immediate-release form fit for rescue (not methadone: specialist only). */
    private static final Set<String> IMMEDIATE_RELEASE = Set.of("MORPHINE", "OXYCODONE", "HYDROMORPHONE");
    private static final Set<String> RESCUE_ROUTES = Set.of(Equianalgesia.ORAL, Equianalgesia.SC, "IV");

    /** By mouth, or by the same parenteral route when the opioid already runs subcutaneously or intravenously. */
    private static boolean hasImmediateRelease(ScheduledDrug drug) {
        return RESCUE_ROUTES.contains(drug.route()) && IMMEDIATE_RELEASE.contains(drug.code());
    }

    /** Minutes to a rescue's peak effect, when it is reassessed (§0 point 3, §1.5): oral 60, SC about 30, IV 15. */
    static int reassessMinutes(String route) {
        return switch (route) {
            case "SC" -> 30;
            case "IV" -> 15;
            default -> 60;
        };
    }

    /** "Reassess 30 min after the next subcutaneous rescue": the time follows the rescue's route. */
    static String reassessAfterNext(String route) {
        String words = switch (route) {
            case "SC" -> "subcutaneous";
            case "IV" -> "intravenous";
            case "ORAL" -> "oral";
            default -> route.toLowerCase(Locale.ROOT);
        };
        return "Reassess " + reassessMinutes(route) + " min after the next " + words + " rescue";
    }

    static String frequency(String route) {
        return frequency(route, false);
    }

    /**
     * @param longerInterval the drug is in the caution column of the patient's bands (§8.2 "lower dose, longer
     *                       interval"): the shortest time between two rescue doses is doubled, since the drug or its
     *                       metabolites clear more slowly and stack
     */
    static String frequency(String route, boolean longerInterval) {
        return switch (route) {
            case "SC" -> longerInterval ? "as needed, up to hourly" : "as needed, up to every 30 min";
            case "IV" -> longerInterval ? "as needed, up to every 30 min" : "as needed, up to every 15 min";
            default -> longerInterval ? "as needed, up to every 2 h" : "as needed, up to hourly";
        };
    }

    /**
     * The rescue as this patient can take it: under the skin for a patient who cannot swallow (§8.2, ROT-03: SC
     * first), and at the longer interval where the patient's bands call for caution with the drug (§8.2). A timing
     * other than the route's usual one (RSC-03's "before the trigger") is kept.
     */
    RescuePlan forPatient(ClinicalPicture picture) {
        var bands = picture.snapshot().organFunctionBands();
        RescuePlan plan = picture.snapshot().factors().isUnableToSwallow() ? underTheSkin(bands, picture.policy())
                : this;
        boolean usual = frequency.equals(frequency(route)) || frequency.equals(frequency(route, true));
        String timing = usual ? frequency(plan.route, OrganFunction.judge(plan.drug, bands).caution())
                : frequency;
        return new RescuePlan(plan.drug, plan.route, plan.singleDose, plan.unit, timing);
    }

    /**
     * An oral rescue given subcutaneously: the same opioid where it has an SC form the organ function allows, else
     * the strong opioid it allows; the oral dose converted by the profile's factors, rounded down to a dose that can
     * be drawn up.
     */
    private RescuePlan underTheSkin(Set<org.painladder.domain.patient.OrganFunctionBand> bands, LadderPolicy policy) {
        if (!Equianalgesia.ORAL.equals(route)) {
            return this;
        }
        String profile = policy.mmeFactorProfile();
        boolean sameDrug = IMMEDIATE_RELEASE.contains(drug)
                && Equianalgesia.factor(drug, Equianalgesia.SC, profile).isPresent()
                && !OrganFunction.judge(drug, bands).avoid();
        String toDrug = sameDrug ? drug : OrganFunction.startingStrongOpioid(bands);
        BigDecimal omedd = singleDose.multiply(Equianalgesia.factor(drug, route, profile).orElse(BigDecimal.ONE));
        BigDecimal exact = omedd.divide(Equianalgesia.factor(toDrug, Equianalgesia.SC, profile).orElseThrow(), 4,
                RoundingMode.HALF_UP);
        BigDecimal drawn = DoseSteps.floor(exact, DoseSteps.rescueStep(toDrug, Equianalgesia.SC));
        BigDecimal dose = drawn.signum() > 0 ? drawn : DoseSteps.floor(exact, new BigDecimal("0.05"));
        return new RescuePlan(toDrug, Equianalgesia.SC, dose.signum() > 0 ? dose : DoseSteps.plain(exact), "mg",
                frequency(Equianalgesia.SC));
    }

    /**
     * The same rescue in oral hydromorphone when the organ-function bands say to avoid this drug (§8.2: morphine with
     * eGFR < 30), at the equianalgesic single dose, halved (and rounded down) where the bands call for caution with
     * hydromorphone too (−50 % below eGFR 30 and in moderate or severe hepatic impairment), as any new opioid is
     * started.
     */
    RescuePlan avoiding(Set<org.painladder.domain.patient.OrganFunctionBand> bands, LadderPolicy policy) {
        if (!OrganFunction.judge(drug, bands).avoid()) {
            return this;
        }
        BigDecimal omedd = singleDose.multiply(Equianalgesia.factor(drug, route, policy.mmeFactorProfile())
                .orElse(BigDecimal.ONE));
        // A parenteral rescue stays parenteral: the patient may have no oral route.
        String toRoute = Equianalgesia.SC.equals(route) || "IV".equals(route) ? route : Equianalgesia.ORAL;
        BigDecimal factor = Equianalgesia.factor("HYDROMORPHONE", toRoute, policy.mmeFactorProfile())
                .orElseThrow();
        BigDecimal equianalgesic = omedd.divide(factor, 4, RoundingMode.HALF_UP);
        BigDecimal step = DoseSteps.rescueStep("HYDROMORPHONE", toRoute);
        boolean caution = OrganFunction.judge("HYDROMORPHONE", bands).caution();
        BigDecimal dose = caution
                ? DoseSteps.floor(equianalgesic.divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP), step).max(step)
                : DoseSteps.nearest(equianalgesic, step);
        boolean usual = frequency.equals(frequency(route)) || frequency.equals(frequency(route, true));
        return new RescuePlan("HYDROMORPHONE", toRoute, dose, "mg", usual ? frequency(toRoute, caution) : frequency);
    }

    /**
     * A rescue in an opioid the patient does not take yet is started as LAD-05 starts it (§8.2): in oral hydromorphone
     * where the bands avoid the planned drug, and halved (rounded down) where they call for caution with it.
     */
    RescuePlan startedAsNewOpioid(Set<org.painladder.domain.patient.OrganFunctionBand> bands, LadderPolicy policy) {
        RescuePlan safe = avoiding(bands, policy);
        if (!safe.equals(this) || !OrganFunction.judge(drug, bands).caution()) {
            return safe;
        }
        BigDecimal step = DoseSteps.rescueStep(drug, route);
        BigDecimal half = DoseSteps.floor(singleDose.divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP), step)
                .max(step);
        return new RescuePlan(drug, route, half, unit, frequency);
    }

    /** The rescue a recommendation sets, read back from its rescue fields. */
    static java.util.Optional<RescuePlan> setBy(ProposedRecommendation recommendation) {
        Map<String, Object> p = recommendation.proposal();
        if (!(p.get("rescueDrug") instanceof String drug)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RescuePlan(drug, (String) p.get("rescueRoute"), (BigDecimal) p.get(
                "rescueDose"), (String) p.get("rescueUnit"), (String) p.get("rescueFrequency")));
    }

    void addTo(Map<String, Object> proposal) {
        proposal.put("rescueDrug", drug);
        proposal.put("rescueRoute", route);
        proposal.put("rescueDose", singleDose);
        proposal.put("rescueUnit", unit);
        proposal.put("rescueFrequency", frequency);
    }

    String describe() {
        return drug.toLowerCase(Locale.ROOT) + " " + singleDose.toPlainString() + " " + unit + " "
                + route.toLowerCase(Locale.ROOT) + " " + frequency;
    }
}
