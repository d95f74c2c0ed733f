package org.painladder.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import org.painladder.domain.pain.BandEdges;

/** The clinical thresholds under {@code painladder.rules}, translated once into plain domain values. */
@ConfigMapping(prefix = "painladder.rules")
public interface RulesConfig {

    /** Upper edge of the mild band (3, or 4 after Serlin 1995). */
    @WithDefault("3")
    int bandMildMax();

    @WithDefault("6")
    int bandModerateMax();

    /** Without a background score this recent, pain control is UNKNOWN (clinical-rules §6.1). */
    @WithDefault("72")
    int stalenessHours();

    default BandEdges bandEdges() {
        return new BandEdges(bandMildMax(), bandModerateMax());
    }

    default Duration staleness() {
        return Duration.ofHours(stalenessHours());
    }

    // The ladder rules' parameters (clinical-rules §6.2), under their §6.2 names; LadderPolicies checks the ranges.

    @WithDefault("48")
    int escalationWindowHours();

    @WithDefault("2")
    int minScoresForPersistence();

    @WithDefault("4")
    int minSpacingHours();

    /** WEAK_OPIOID (WHO 1996) or LOW_DOSE_STRONG_OPIOID (ESMO 2018, Bandieri 2016); read as text to name a typo. */
    @WithDefault("WEAK_OPIOID")
    String moderatePainStrategy();

    LowDoseStrongOpioidMaxMg lowDoseStrongOpioidMaxMg();

    @WithDefault("30")
    int titrationPctModerate();

    @WithDefault("50")
    int titrationPctSevere();

    @WithDefault("100")
    int maxDailyIncreasePct();

    MinHoursBetweenTitrations minHoursBetweenTitrations();

    @WithDefault("0.10")
    BigDecimal rescueFractionMin();

    @WithDefault("0.20")
    BigDecimal rescueFractionMax();

    @WithDefault("0.15")
    BigDecimal rescueFractionTarget();

    @WithDefault("3")
    int btpEpisodesTitrateThreshold();

    @WithDefault("25")
    int rotationReductionPct();

    /** The cut when the rotation is driven by adverse effects (§6.2: 50 % when adverse-effect driven or frail). */
    @WithDefault("50")
    int rotationReductionPctAdverseEffects();

    @WithDefault("7")
    int stepDownStableDays();

    @WithDefault("20")
    int stepDownReductionPct();

    @WithDefault("14")
    int refractoryMinDaysOnStep3();

    @WithDefault("200")
    int refractoryOmeddThresholdMg();

    @WithDefault("2")
    int refractoryMinStrongOpioids();

    @WithDefault("3")
    int refractoryBtpPerDay();

    @WithDefault("3")
    int itPumpMinLifeExpectancyMonths();

    @WithDefault("7")
    int acuteCauseSuppressionDays();

    /** REF-02: days of controlled pain on an open refractory case after which closing it is suggested. */
    @WithDefault("7")
    int controlledDaysToSuggestClosing();

    /** ESMO 2018 low doses of a strong opioid that may replace step 2, mg/day by mouth. */
    interface LowDoseStrongOpioidMaxMg {
        @WithDefault("30")
        BigDecimal morphine();

        @WithDefault("20")
        BigDecimal oxycodone();

        @WithDefault("4")
        BigDecimal hydromorphone();
    }

    /** Hours between two changes of a scheduled opioid dose, by formulation. */
    interface MinHoursBetweenTitrations {
        @WithDefault("24")
        int oral();

        @WithDefault("72")
        int transdermalFentanyl();

        /** §8.5: never sooner than 168 h (range 120–168). */
        @WithDefault("168")
        int methadone();
    }

    // Rules 2026.12.0 (clinical-rules §8.3, §8.9); LadderPolicies checks the ranges.

    /** SAF-03: hours escalation and up-titration stay stopped after opioid-induced neurotoxicity. */
    @WithDefault("48")
    int safetyBlockHours();

    /** SAF-03: cut of the scheduled opioid on moderate neurotoxicity, 25–50 %. */
    @WithDefault("30")
    int neurotoxicityReductionPct();

    /** REF-01: days on step 3 that make an adequate trial when life expectancy is at most 1 month. */
    @WithDefault("7")
    int refractoryMinDaysShortPrognosis();

    /** The MME factor profile: CDC_2022 (default), CDC_2016 or UK_PCF (clinical-rules §2.2, §2.3, §2.7). */
    @WithDefault("CDC_2022")
    String mmeFactorProfile();
}
