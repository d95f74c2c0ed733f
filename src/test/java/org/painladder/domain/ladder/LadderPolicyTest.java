package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LadderPolicyTest {

    @Test
    void theDefaultsOfSection62AreValid() {
        LadderPolicy policy = LadderPolicy.defaults();
        assertEquals(List.of(), policy.violations());
        assertEquals("2026.12.3", LadderPolicy.RULES_VERSION);
        assertEquals(168, policy.minHoursBetweenTitrations().methadoneHours());
        assertEquals(48, policy.safetyBlockHours());
        assertEquals(30, policy.neurotoxicityReductionPct());
        assertEquals(7, policy.refractoryMinDaysShortPrognosis());
        assertEquals(48, policy.escalationWindowHours());
        assertEquals(72, policy.minHoursBetweenTitrations().transdermalFentanylHours());
        assertEquals(new BigDecimal("0.15"), policy.rescueFractionTarget());
    }

    /** Each integer parameter with its §6.2 range: a value just outside either end is refused by name. */
    @ParameterizedTest(name = "{0} must be {1}–{2}")
    @CsvSource({
            "escalationWindowHours, 24, 72", "minScoresForPersistence, 1, 3", "minSpacingHours, 1, 12",
            "titrationPctModerate, 25, 50", "titrationPctSevere, 50, 100", "maxDailyIncreasePct, 50, 100",
            "btpEpisodesTitrateThreshold, 3, 4", "rotationReductionPct, 25, 50",
            "rotationReductionPctAdverseEffects, 25, 50", "stepDownStableDays, 3, 14", "stepDownReductionPct, 10, 25",
            "refractoryMinDaysOnStep3, 7, 28", "refractoryOmeddThresholdMg, 120, 320",
            "refractoryMinStrongOpioids, 1, 3", "refractoryBtpPerDay, 3, 4", "itPumpMinLifeExpectancyMonths, 3, 6",
            "acuteCauseSuppressionDays, 3, 14", "stalenessHours, 24, 168", "safetyBlockHours, 24, 72",
            "neurotoxicityReductionPct, 25, 50", "refractoryMinDaysShortPrognosis, 3, 14"})
    void violationsAreEmptyExactlyForInRangeValues(String parameter, int min, int max) {
        qt().forAll(integers().between(min - 50, max + 50)).checkAssert(value -> {
            List<String> violations = Policies.with(parameter, value).violations();
            boolean inRange = value >= min && value <= max;
            assertEquals(inRange, violations.isEmpty(), parameter + "=" + value + " → " + violations);
            if (!inRange) {
                assertTrue(violations.get(0).startsWith(parameter), violations.toString());
            }
        });
    }

    @Test
    void theAdverseEffectCutMayNotBeSmallerThanTheOrdinaryCut() {
        LadderPolicy policy = Policies.with(Policies.with("rotationReductionPct", 40),
                "rotationReductionPctAdverseEffects", 30);
        assertEquals(List.of("rotationReductionPctAdverseEffects must be at least rotationReductionPct (40 %), got 30"),
                policy.violations());
    }

    @Test
    void rescueFractionsStayWithinTenToTwentyPercentAndInOrder() {
        assertTrue(Policies.with("rescueFractionMax", new BigDecimal("0.25")).violations().get(0)
                .startsWith("rescueFractionMax must be 0.10–0.20"));
        assertTrue(Policies.with("rescueFractionTarget", new BigDecimal("0.11")).violations().isEmpty());
        assertTrue(Policies.with(Policies.with("rescueFractionMin", new BigDecimal("0.18")), "rescueFractionTarget",
                new BigDecimal("0.12")).violations().get(0).startsWith("rescueFractionMin ≤ rescueFractionTarget"));
    }

    @Test
    void titrationIntervalsFollowTheFormulation() {
        assertTrue(Policies.with("minHoursBetweenTitrations", new LadderPolicy.TitrationIntervals(24, 48, 120))
                .violations().get(0).startsWith("minHoursBetweenTitrations.transdermalFentanyl must be 72–144 h"));
        assertTrue(Policies.with("minHoursBetweenTitrations", new LadderPolicy.TitrationIntervals(24, 72, 96))
                .violations().get(0).startsWith("minHoursBetweenTitrations.methadone must be 120–168 h"));
    }

    @Test
    void aLowDoseAboveEsmoIsNotALowDose() {
        LadderPolicy policy = Policies.with("lowDoseStrongOpioidMaxMg", new LadderPolicy.LowDoseStrongOpioidLimits(
                BigDecimal.valueOf(40), BigDecimal.valueOf(20), BigDecimal.valueOf(4)));
        assertEquals(List.of("lowDoseStrongOpioidMaxMg.morphine must be above 0 and at most 30 mg/day (ESMO "
                + "2018), got 40"),
                policy.violations());
    }

    @Test
    void unknownFactorProfileAndMissingValuesAreNamed() {
        assertTrue(Policies.with("mmeFactorProfile", "WHO_1986").violations().get(0)
                .contains("mmeFactorProfile must be one of CDC_2022, CDC_2016, UK_PCF"));
        assertTrue(Policies.with("moderatePainStrategy", null).violations().get(0).startsWith("moderatePainStrategy"));
        assertTrue(Policies.with("bandEdges", null).violations().get(0).startsWith("bandMildMax"));
    }

    @Test
    void publishesEveryParameterBySection62Name() {
        Map<String, Object> parameters = LadderPolicy.defaults().parameters();
        assertEquals(3, parameters.get("bandMildMax"));
        assertEquals("WEAK_OPIOID", parameters.get("moderatePainStrategy"));
        assertEquals(Map.of("oral", 24, "transdermalFentanyl", 72, "methadone", 168),
                parameters.get("minHoursBetweenTitrations"));
        assertEquals("CDC_2022", parameters.get("mmeFactorProfile"));
        assertEquals(48, parameters.get("safetyBlockHours"));
        assertEquals(30, parameters.get("neurotoxicityReductionPct"));
        assertEquals(7, parameters.get("refractoryMinDaysShortPrognosis"));
        assertEquals(30, parameters.size());
    }

    @Test
    void theSnapshotWindowCoversTheLongestLookBack() {
        assertEquals(Duration.ofDays(7), LadderPolicy.defaults().snapshotWindow());
        assertEquals(Duration.ofDays(14), Policies.with("acuteCauseSuppressionDays", 14).snapshotWindow());
    }

    @Test
    void publishesItsChoicesInWords() {
        List<String> choices = LadderPolicy.defaults().choices();
        assertTrue(choices.size() >= 10, "choices: " + choices.size());
        assertTrue(choices.stream().anyMatch(c -> c.contains("ROT-03")));
    }

    @Test
    void everyRuleHasACodeATypeASummaryAndASource() {
        for (RuleId rule : RuleId.values()) {
            assertEquals(rule, RuleId.fromCode(rule.code()));
            assertTrue(rule.code().matches("[A-Z]{2,3}-0[1-9]"), rule.code());
            assertTrue(!rule.summary().isBlank() && !rule.source().isBlank(), rule.code());
        }
        assertEquals(RecommendationType.TITRATE_DOSE, RuleId.SAF_01.type());
        assertEquals(RecommendationType.ESCALATE_TO_STEP_3, RuleId.LAD_04.type());
    }
}
