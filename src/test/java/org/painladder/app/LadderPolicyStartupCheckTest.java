package org.painladder.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.ModeratePainStrategy;

/**
 * The startup check of {@code painladder.rules.*}: the service must refuse to run on a threshold outside its
 * clinical-rules §6.2 range, and say which key is wrong and what it may be. Tested on the real config mapping without
 * starting Quarkus (a failed start cannot be observed from a {@code @QuarkusTest}).
 */
class LadderPolicyStartupCheckTest {

    private static RulesConfig configured(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(RulesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(RulesConfig.class);
    }

    @Test
    void withoutConfigurationThePolicyIsTheRuleTablesDefaults() {
        assertEquals(LadderPolicy.defaults(), LadderPolicies.validated(configured(Map.of())));
    }

    @Test
    void everyParameterIsReadFromItsKey() {
        LadderPolicy policy = LadderPolicies.validated(configured(Map.ofEntries(
                Map.entry("painladder.rules.band-mild-max", "4"),
                Map.entry("painladder.rules.escalation-window-hours", "72"),
                Map.entry("painladder.rules.moderate-pain-strategy", "low_dose_strong_opioid"),
                Map.entry("painladder.rules.low-dose-strong-opioid-max-mg.oxycodone", "15"),
                Map.entry("painladder.rules.min-hours-between-titrations.transdermal-fentanyl", "96"),
                Map.entry("painladder.rules.rescue-fraction-target", "0.12"),
                Map.entry("painladder.rules.refractory-min-days-on-step3", "21"),
                Map.entry("painladder.rules.rotation-reduction-pct-adverse-effects", "40"),
                Map.entry("painladder.rules.staleness-hours", "48"),
                Map.entry("painladder.rules.safety-block-hours", "72"),
                Map.entry("painladder.rules.neurotoxicity-reduction-pct", "50"),
                Map.entry("painladder.rules.refractory-min-days-short-prognosis", "5"))));

        assertEquals(4, policy.bandEdges().mildMax());
        assertEquals(72, policy.escalationWindowHours());
        assertEquals(ModeratePainStrategy.LOW_DOSE_STRONG_OPIOID, policy.moderatePainStrategy());
        assertEquals(new BigDecimal("15"), policy.lowDoseStrongOpioidMaxMg().oxycodoneMg());
        assertEquals(96, policy.minHoursBetweenTitrations().transdermalFentanylHours());
        assertEquals(new BigDecimal("0.12"), policy.rescueFractionTarget());
        assertEquals(21, policy.refractoryMinDaysOnStep3());
        assertEquals(40, policy.rotationReductionPctAdverseEffects());
        assertEquals(48, policy.stalenessHours());
        assertEquals(72, policy.safetyBlockHours());
        assertEquals(50, policy.neurotoxicityReductionPct());
        assertEquals(5, policy.refractoryMinDaysShortPrognosis());
    }

    @ParameterizedTest(name = "{0}={1} stops the start")
    @CsvSource(delimiter = '|', value = {
            "escalation-window-hours | 12 | 24–72 h",
            "titration-pct-severe | 150 | 50–100 %",
            "max-daily-increase-pct | 200 | 50–100 %",
            "min-scores-for-persistence | 0 | 1–3",
            "staleness-hours | 1 | 24–168 h",
            "refractory-omedd-threshold-mg | 90 | 120–320 mg/day",
            "band-mild-max | 5 | 3–4",
            "min-hours-between-titrations.methadone | 24 | 120–168 h",
            "low-dose-strong-opioid-max-mg.morphine | 60 | at most 30 mg/day",
            "moderate-pain-strategy | PARACETAMOL_ONLY | WEAK_OPIOID or LOW_DOSE_STRONG_OPIOID",
            "mme-factor-profile | WHO_1986 | CDC_2022, CDC_2016, UK_PCF",
            "safety-block-hours | 12 | 24–72 h",
            "safety-block-hours | 96 | 24–72 h",
            "neurotoxicity-reduction-pct | 20 | 25–50 %",
            "neurotoxicity-reduction-pct | 60 | 25–50 %",
            "refractory-min-days-short-prognosis | 2 | 3–14 days",
            "min-hours-between-titrations.methadone | 169 | 120–168 h"})
    void aValueOutsideItsRangeStopsTheStartNamingTheKeyAndTheRange(String key, String value, String allowed) {
        IllegalStateException refused = assertThrows(LadderPolicies.InvalidPolicyException.class,
                () -> LadderPolicies.validated(configured(Map.of("painladder.rules." + key, value))));

        assertTrue(refused.getMessage().contains("painladder.rules." + key), refused.getMessage());
        assertTrue(refused.getMessage().contains(allowed), refused.getMessage());
        assertTrue(refused.getMessage().contains(value), refused.getMessage());
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        IllegalStateException refused = assertThrows(LadderPolicies.InvalidPolicyException.class,
                () -> LadderPolicies.validated(configured(Map.of(
                        "painladder.rules.titration-pct-moderate", "10",
                        "painladder.rules.step-down-stable-days", "30"))));

        assertTrue(refused.getMessage().contains("painladder.rules.titration-pct-moderate must be 25–50 %, got 10"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("painladder.rules.step-down-stable-days must be 3–14 days, got 30"),
                refused.getMessage());
    }
}
