package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * The clinical-rules §8.1 principles as properties over generated patients × regimens × assessment sequences
 * ({@link RandomPatients}: organ function, frailty and age, neurotoxicity up to severe, typed breakthrough episodes,
 * red flags, acute causes at any site, patches started without tolerance, missing laxatives).
 */
class ClinicalSafetyPropertiesTest {

    private static final LadderPolicy POLICY = LadderPolicy.defaults();
    private static final int EXAMPLES = 1500;

    private static Decision decide(RandomPatients.Scenario s) {
        return Vignettes.ENGINE.evaluate(s.snapshot(), s.fact(), POLICY, Vignettes.CLOCK);
    }

    private static PainAssessment latest(RandomPatients.Scenario s) {
        return Stream.concat(s.snapshot().recentAssessments().stream(), Stream.of(s.newAssessment()))
                .filter(a -> !a.recordedAt().isBefore(Assessments.NOW.minus(POLICY.snapshotWindow())))
                .reduce((a, b) -> b.recordedAt().isBefore(a.recordedAt()) ? a : b).orElseThrow();
    }

    /** What a property checks on a patient on a scheduled opioid whose latest assessment reports a dose limit. */
    @FunctionalInterface
    private interface DoseLimitingCase {
        void check(long seed, RandomPatients.Scenario scenario, String limiting, Decision decision);
    }

    private static void forEachDoseLimitingCase(DoseLimitingCase property) {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            String limiting = SafetyRules.doseLimitingEffects(latest(s));
            if (!limiting.isEmpty() && s.snapshot().regimen().hasScheduledOpioid()) {
                property.check(seed, s, limiting, decide(s));
            }
        });
    }

    @Test
    void noProposalRaisesAnOpioidTheLatestAssessmentReportsAsDoseLimiting() {
        forEachDoseLimitingCase((seed, s, limiting, decision) -> assertTrue(decision.toAdd().stream()
                        .noneMatch(r -> SafetyReview.goesUp(r.type(), r.proposal()) || SafetyReview.raisesRescue(r)),
                () -> "seed " + seed + " (" + limiting + "): " + Vignettes.describe(decision)));
    }

    @Test
    void noPendingUpMoveOrRescueAdviceOutlivesADoseLimitingEffectOnTheLatestAssessment() {
        forEachDoseLimitingCase((seed, s, limiting, decision) -> s.snapshot().pending().stream()
                .filter(p -> LadderEngine.UP_RULES.contains(p.ruleId())
                        || LadderEngine.RESCUE_ADVICE.contains(p.ruleId()))
                .forEach(p -> assertTrue(decision.toSupersede().contains(p.id()), () -> "seed " + seed + " ("
                        + limiting + "): pending " + p.ruleId().code() + " kept; " + Vignettes.describe(decision))));
    }

    @Test
    void noProposalGivesADrugThePatientsOrganFunctionSaysToAvoid() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            Set<OrganFunctionBand> bands = s.snapshot().organFunctionBands();
            Decision decision = decide(s);
            for (ProposedRecommendation r : decision.toAdd()) {
                for (String drug : named(r)) {
                    assertFalse(OrganFunction.judge(drug, bands).avoid(), () -> "seed " + seed + " " + bands + ": "
                            + r.ruleId().code() + " gives " + drug + " " + r.proposal());
                }
            }
        });
    }

    /** What a proposal would have the patient take: its drug, rescue, analgesia, adjuvant and bone agent. */
    private static List<String> named(ProposedRecommendation r) {
        Stream<String> given = SafetyReview.drugsGiven(r.type(), r.proposal()).stream();
        Object analgesia = r.proposal().get("analgesia");
        Stream<String> forBand = analgesia instanceof Map<?, ?> map && map.get("drug") != null
                ? Stream.of(map.get("drug").toString()) : Stream.empty();
        Stream<String> words = Stream.of("adjuvant", "boneTargetedAgent", "with").map(r.proposal()::get)
                .filter(v -> v != null).flatMap(v -> Stream.of(v.toString().split("[^A-Z_]+")))
                .filter(w -> w.length() > 3);
        return Stream.concat(Stream.concat(given, forBand), words).distinct().toList();
    }

    @Test
    void aScoredAcutePainOfFourOrMoreAlwaysGetsAnAnalgesicProposal() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            PainAssessment latest = latest(s);
            if (latest.course() != PainCourse.ACUTE || latest.acuteCause() == null || latest.score() < 4
                    || !latest.equals(s.newAssessment())) {
                return;
            }
            Decision decision = decide(s);
            assertTrue(decision.toAdd().stream().anyMatch(r -> r.proposal().get("analgesia") instanceof Map<?, ?> m
                            && m.get("drug") != null),
                    () -> "seed " + seed + ": acute " + latest.acuteCause() + " " + latest.score() + "/10 left without"
                            + " analgesia: " + Vignettes.describe(decision));
        });
    }

    @Test
    void everyRecommendationSaysWhatTheSection81ChecksFound() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Decision decision = decide(RandomPatients.scenario(seed));
            for (ProposedRecommendation r : decision.toAdd()) {
                List<String> checks = r.safetyChecks().stream().map(SafetyCheck::check).toList();
                assertTrue(checks.containsAll(List.of(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.TOXICITY,
                        SafetyCheck.OPIOID_TOLERANCE)), () -> "seed " + seed + " " + r.ruleId().code() + ": " + checks);
                r.safetyChecks().forEach(c -> assertFalse(c.detail().isBlank(), () -> "seed " + seed + " " + c));
            }
        });
    }

    @Test
    void aPatchStartedWithoutToleranceIsNeverTitratedUp() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            if (!s.snapshot().regimen().patchWithoutTolerance()) {
                return;
            }
            Decision decision = decide(s);
            assertTrue(decision.toAdd().stream().noneMatch(r -> "FENTANYL".equals(r.proposal().get("drug"))
                            && "UP".equals(r.proposal().get("direction"))),
                    () -> "seed " + seed + ": " + Vignettes.describe(decision));
        });
    }

    @Test
    void methadoneNeverRisesMoreThanTwentyPercentOrTenMilligramsNorWithoutASpecialist() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Decision decision = decide(RandomPatients.scenario(seed));
            decision.toAdd().stream().filter(r -> "METHADONE".equals(r.proposal().get("drug"))
                    && "UP".equals(r.proposal().get("direction"))).forEach(r -> {
                        BigDecimal from = (BigDecimal) r.proposal().get("fromDailyDose");
                        BigDecimal to = (BigDecimal) r.proposal().get("toDailyDose");
                        BigDecimal limit = from.add(from.multiply(new BigDecimal("0.20")).min(BigDecimal.TEN));
                        assertTrue(to.compareTo(limit) <= 0, () -> "seed " + seed + ": " + from + " → " + to);
                        assertTrue(Boolean.TRUE.equals(r.proposal().get("requiresSpecialist")), "seed " + seed);
                    });
        });
    }

    @Test
    void incidentEpisodesAloneNeverRaiseTheBackgroundDose() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            boolean anyCounted = Stream.concat(s.snapshot().recentAssessments().stream(), Stream.of(s.newAssessment()))
                    .anyMatch(a -> a.breakthroughType() != BreakthroughType.INCIDENT
                            && a.breakthroughEpisodesOrZero() > POLICY.btpEpisodesTitrateThreshold());
            if (anyCounted) {
                return;
            }
            Decision decision = decide(s);
            assertTrue(decision.toAdd().stream().noneMatch(r -> r.ruleId() == RuleId.LAD_08),
                    () -> "seed " + seed + ": " + Vignettes.describe(decision));
        });
    }
}
