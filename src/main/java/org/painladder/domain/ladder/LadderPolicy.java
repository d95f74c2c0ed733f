package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.painladder.domain.pain.BandEdges;

/**
 * The parameters of the rule table (clinical-rules §6.2, {@code painladder.rules.*}), with the §6.2 defaults.
 * The names are the §6.2 names, so a threshold in a recommendation's evidence reads the same as here.
 *
 * @param rotationReductionPct                 cross-tolerance cut on an analgesia-driven rotation (default 25 %)
 * @param rotationReductionPctAdverseEffects   the cut when the switch is for adverse effects (default 50 %)
 * @param mmeFactorProfile                     name of the factor profile: CDC_2022, CDC_2016 or UK_PCF
 * @param safetyBlockHours                     hours SAF-03 (neurotoxicity) stops escalation and up-titration (§8.3)
 * @param neurotoxicityReductionPct            SAF-03's cut of the scheduled opioid (§8.3, 25–50 %)
 * @param refractoryMinDaysShortPrognosis      refractoryMinDaysOnStep3 when life expectancy is at most 1 month (§8.9)
 */
public record LadderPolicy(
        BandEdges bandEdges,
        int escalationWindowHours,
        int minScoresForPersistence,
        int minSpacingHours,
        ModeratePainStrategy moderatePainStrategy,
        LowDoseStrongOpioidLimits lowDoseStrongOpioidMaxMg,
        int titrationPctModerate,
        int titrationPctSevere,
        int maxDailyIncreasePct,
        TitrationIntervals minHoursBetweenTitrations,
        BigDecimal rescueFractionMin,
        BigDecimal rescueFractionMax,
        BigDecimal rescueFractionTarget,
        int btpEpisodesTitrateThreshold,
        int rotationReductionPct,
        int rotationReductionPctAdverseEffects,
        int stepDownStableDays,
        int stepDownReductionPct,
        int refractoryMinDaysOnStep3,
        int refractoryOmeddThresholdMg,
        int refractoryMinStrongOpioids,
        int refractoryBtpPerDay,
        int itPumpMinLifeExpectancyMonths,
        int acuteCauseSuppressionDays,
        int stalenessHours,
        String mmeFactorProfile,
        int safetyBlockHours,
        int neurotoxicityReductionPct,
        int refractoryMinDaysShortPrognosis) {

    /** Bumped whenever a threshold, a default or a factor profile changes (clinical-rules §6.7). */
    public static final String RULES_VERSION = "2026.12.3";

    public static final Set<String> MME_FACTOR_PROFILES = Set.of("CDC_2022", "CDC_2016", "UK_PCF");

    /** ESMO 2018 low doses of strong opioids that may replace step 2, in mg/day by mouth. */
    public record LowDoseStrongOpioidLimits(BigDecimal morphineMg, BigDecimal oxycodoneMg, BigDecimal hydromorphoneMg) {
        public static final LowDoseStrongOpioidLimits ESMO_2018 =
                new LowDoseStrongOpioidLimits(BigDecimal.valueOf(30), BigDecimal.valueOf(20), BigDecimal.valueOf(4));
    }

    /**
     * Minimum hours between two changes of the scheduled opioid dose, by formulation: steady state comes after about
     * five half-lives (oral IR/SR 24 h), the patch needs 72 h to reach its new level, methadone 7 days (§8.5: its
     * long, variable half-life accumulates for days after each change).
     */
    public record TitrationIntervals(int oralHours, int transdermalFentanylHours, int methadoneHours) {
        public static final TitrationIntervals DEFAULT = new TitrationIntervals(24, 72, 168);
    }

    public static LadderPolicy defaults() {
        return new LadderPolicy(BandEdges.DEFAULT, 48, 2, 4, ModeratePainStrategy.WEAK_OPIOID,
                LowDoseStrongOpioidLimits.ESMO_2018, 30, 50, 100, TitrationIntervals.DEFAULT,
                new BigDecimal("0.10"), new BigDecimal("0.20"), new BigDecimal("0.15"), 3, 25, 50, 7, 20,
                14, 200, 2, 3, 3, 7, 72, "CDC_2022", 48, 30, 7);
    }

    /**
     * Every parameter outside its §6.2 allowed range, named with the range in words; empty when the policy is valid.
     * Used at startup so that a bad configuration stops the service with a clear message.
     */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (bandEdges == null) {
            problems.add("bandMildMax / bandModerateMax must be given (3–4 / 6)");
        }
        range(problems, "escalationWindowHours", escalationWindowHours, 24, 72, "h");
        range(problems, "minScoresForPersistence", minScoresForPersistence, 1, 3, "scores");
        range(problems, "minSpacingHours", minSpacingHours, 1, 12, "h");
        if (moderatePainStrategy == null) {
            problems.add("moderatePainStrategy must be WEAK_OPIOID or LOW_DOSE_STRONG_OPIOID");
        }
        lowDoseLimits(problems);
        range(problems, "titrationPctModerate", titrationPctModerate, 25, 50, "%");
        range(problems, "titrationPctSevere", titrationPctSevere, 50, 100, "%");
        range(problems, "maxDailyIncreasePct", maxDailyIncreasePct, 50, 100, "%");
        titrationIntervals(problems);
        rescueFractions(problems);
        range(problems, "btpEpisodesTitrateThreshold", btpEpisodesTitrateThreshold, 3, 4, "episodes a day");
        range(problems, "rotationReductionPct", rotationReductionPct, 25, 50, "%");
        range(problems, "rotationReductionPctAdverseEffects", rotationReductionPctAdverseEffects, 25, 50, "%");
        if (rotationReductionPctAdverseEffects < rotationReductionPct) {
            problems.add("rotationReductionPctAdverseEffects must be at least rotationReductionPct ("
                    + rotationReductionPct + " %), got " + rotationReductionPctAdverseEffects);
        }
        range(problems, "stepDownStableDays", stepDownStableDays, 3, 14, "days");
        range(problems, "stepDownReductionPct", stepDownReductionPct, 10, 25, "%");
        range(problems, "refractoryMinDaysOnStep3", refractoryMinDaysOnStep3, 7, 28, "days");
        range(problems, "refractoryOmeddThresholdMg", refractoryOmeddThresholdMg, 120, 320, "mg/day");
        range(problems, "refractoryMinStrongOpioids", refractoryMinStrongOpioids, 1, 3, "opioids");
        range(problems, "refractoryBtpPerDay", refractoryBtpPerDay, 3, 4, "episodes a day");
        range(problems, "itPumpMinLifeExpectancyMonths", itPumpMinLifeExpectancyMonths, 3, 6, "months");
        range(problems, "acuteCauseSuppressionDays", acuteCauseSuppressionDays, 3, 14, "days");
        range(problems, "stalenessHours", stalenessHours, 24, 168, "h");
        if (mmeFactorProfile == null || !MME_FACTOR_PROFILES.contains(mmeFactorProfile)) {
            problems.add("mmeFactorProfile must be one of CDC_2022, CDC_2016, UK_PCF, got " + mmeFactorProfile);
        }
        range(problems, "safetyBlockHours", safetyBlockHours, 24, 72, "h");
        range(problems, "neurotoxicityReductionPct", neurotoxicityReductionPct, 25, 50, "%");
        range(problems, "refractoryMinDaysShortPrognosis", refractoryMinDaysShortPrognosis, 3, 14, "days");
        if (refractoryMinDaysShortPrognosis > refractoryMinDaysOnStep3) {
            problems.add("refractoryMinDaysShortPrognosis must be at most refractoryMinDaysOnStep3 ("
                    + refractoryMinDaysOnStep3 + " days), got " + refractoryMinDaysShortPrognosis);
        }
        return List.copyOf(problems);
    }

    private static void range(List<String> problems, String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            problems.add(name + " must be " + min + "–" + max + " " + unit + ", got " + value);
        }
    }

    /** §6.2 gives no range: a "low dose" may be lower than ESMO's but never above it. */
    private void lowDoseLimits(List<String> problems) {
        LowDoseStrongOpioidLimits esmo = LowDoseStrongOpioidLimits.ESMO_2018;
        if (lowDoseStrongOpioidMaxMg == null) {
            problems.add("lowDoseStrongOpioidMaxMg must be given (morphine ≤ 30, oxycodone ≤ 20, hydromorphone "
                    + "≤ 4 mg/day)");
            return;
        }
        lowDose(problems, "lowDoseStrongOpioidMaxMg.morphine", lowDoseStrongOpioidMaxMg.morphineMg(),
                esmo.morphineMg());
        lowDose(problems, "lowDoseStrongOpioidMaxMg.oxycodone", lowDoseStrongOpioidMaxMg.oxycodoneMg(),
                esmo.oxycodoneMg());
        lowDose(problems, "lowDoseStrongOpioidMaxMg.hydromorphone", lowDoseStrongOpioidMaxMg.hydromorphoneMg(),
                esmo.hydromorphoneMg());
    }

    private static void lowDose(List<String> problems, String name, BigDecimal value, BigDecimal esmoMax) {
        if (value == null || value.signum() <= 0 || value.compareTo(esmoMax) > 0) {
            problems.add(name + " must be above 0 and at most " + esmoMax.toPlainString() + " mg/day (ESMO 2018), got "
                    + (value == null ? null : value.toPlainString()));
        }
    }

    /** §6.2 gives the defaults only; the ranges follow §1.5: oral 24–48 h, patch 72–144 h, methadone 5–7 days. */
    private void titrationIntervals(List<String> problems) {
        if (minHoursBetweenTitrations == null) {
            problems.add("minHoursBetweenTitrations must be given (oral 24–48, transdermalFentanyl 72–144, "
                    + "methadone 120–168 h)");
            return;
        }
        range(problems, "minHoursBetweenTitrations.oral", minHoursBetweenTitrations.oralHours(), 24, 48, "h");
        range(problems, "minHoursBetweenTitrations.transdermalFentanyl",
                minHoursBetweenTitrations.transdermalFentanylHours(), 72, 144, "h");
        range(problems, "minHoursBetweenTitrations.methadone", minHoursBetweenTitrations.methadoneHours(), 120, 168,
                "h");
    }

    /** The rescue fractions must lie in NCCN's 10–20 % and be ordered min ≤ target ≤ max. */
    private void rescueFractions(List<String> problems) {
        BigDecimal low = new BigDecimal("0.10");
        BigDecimal high = new BigDecimal("0.20");
        String[] names = {"rescueFractionMin", "rescueFractionTarget", "rescueFractionMax"};
        BigDecimal[] values = {rescueFractionMin, rescueFractionTarget, rescueFractionMax};
        boolean allInRange = IntStream.range(0, names.length).allMatch(i -> {
            BigDecimal value = values[i];
            if (value == null || value.compareTo(low) < 0 || value.compareTo(high) > 0) {
                problems.add(names[i] + " must be 0.10–0.20 of the daily opioid dose, got "
                        + (value == null ? null : value.toPlainString()));
                return false;
            }
            return true;
        });
        if (allInRange && (rescueFractionMin.compareTo(rescueFractionTarget) > 0
                || rescueFractionTarget.compareTo(rescueFractionMax) > 0)) {
            problems.add("rescueFractionMin ≤ rescueFractionTarget ≤ rescueFractionMax must hold, got "
                    + rescueFractionMin.toPlainString() + " / " + rescueFractionTarget.toPlainString() + " / "
                    + rescueFractionMax.toPlainString());
        }
    }

    /** The assessments the rules look back over; the service loads exactly this window into the snapshot. */
    public Duration snapshotWindow() {
        int hours = IntStream.of(escalationWindowHours, 72, 7 * 24, stepDownStableDays * 24,
                acuteCauseSuppressionDays * 24, stalenessHours, safetyBlockHours).max().orElseThrow();
        return Duration.ofHours(hours);
    }

    /** The parameters by their §6.2 names, as {@code GET /ladder/policy} publishes them. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("bandMildMax", bandEdges.mildMax());
        parameters.put("bandModerateMax", bandEdges.moderateMax());
        parameters.put("escalationWindowHours", escalationWindowHours);
        parameters.put("minScoresForPersistence", minScoresForPersistence);
        parameters.put("minSpacingHours", minSpacingHours);
        parameters.put("moderatePainStrategy", moderatePainStrategy.name());
        parameters.put("lowDoseStrongOpioidMaxMg", ordered("morphine", lowDoseStrongOpioidMaxMg.morphineMg(),
                "oxycodone", lowDoseStrongOpioidMaxMg.oxycodoneMg(),
                "hydromorphone", lowDoseStrongOpioidMaxMg.hydromorphoneMg()));
        parameters.put("titrationPctModerate", titrationPctModerate);
        parameters.put("titrationPctSevere", titrationPctSevere);
        parameters.put("maxDailyIncreasePct", maxDailyIncreasePct);
        parameters.put("minHoursBetweenTitrations", ordered("oral", minHoursBetweenTitrations.oralHours(),
                "transdermalFentanyl", minHoursBetweenTitrations.transdermalFentanylHours(),
                "methadone", minHoursBetweenTitrations.methadoneHours()));
        parameters.put("rescueFractionMin", rescueFractionMin);
        parameters.put("rescueFractionMax", rescueFractionMax);
        parameters.put("rescueFractionTarget", rescueFractionTarget);
        parameters.put("btpEpisodesTitrateThreshold", btpEpisodesTitrateThreshold);
        parameters.put("rotationReductionPct", rotationReductionPct);
        parameters.put("rotationReductionPctAdverseEffects", rotationReductionPctAdverseEffects);
        parameters.put("stepDownStableDays", stepDownStableDays);
        parameters.put("stepDownReductionPct", stepDownReductionPct);
        parameters.put("refractoryMinDaysOnStep3", refractoryMinDaysOnStep3);
        parameters.put("refractoryOmeddThresholdMg", refractoryOmeddThresholdMg);
        parameters.put("refractoryMinStrongOpioids", refractoryMinStrongOpioids);
        parameters.put("refractoryBtpPerDay", refractoryBtpPerDay);
        parameters.put("itPumpMinLifeExpectancyMonths", itPumpMinLifeExpectancyMonths);
        parameters.put("acuteCauseSuppressionDays", acuteCauseSuppressionDays);
        parameters.put("stalenessHours", stalenessHours);
        parameters.put("mmeFactorProfile", mmeFactorProfile);
        parameters.put("safetyBlockHours", safetyBlockHours);
        parameters.put("neurotoxicityReductionPct", neurotoxicityReductionPct);
        parameters.put("refractoryMinDaysShortPrognosis", refractoryMinDaysShortPrognosis);
        return parameters;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(k1, v1);
        values.put(k2, v2);
        values.put(k3, v3);
        return values;
    }

    /**
     * The choices the engine takes where the rule table leaves room, in words a clinician can check; published
     * by {@code GET /ladder/policy} beside the parameters.
     */
    public List<String> choices() {
        return LadderChoices.ALL;
    }
}
