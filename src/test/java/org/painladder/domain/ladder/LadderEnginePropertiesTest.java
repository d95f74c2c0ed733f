package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LadderEnginePropertiesTest {

    private static final LadderPolicy POLICY = LadderPolicy.defaults();

    private static Decision decide(RandomPatients.Scenario s, LadderPolicy policy) {
        return Vignettes.ENGINE.evaluate(s.snapshot(), s.fact(), policy, Vignettes.CLOCK);
    }

    private static boolean goesUp(ProposedRecommendation r) {
        return r.type() == RecommendationType.ESCALATE_TO_STEP_2 || r.type() == RecommendationType.ESCALATE_TO_STEP_3
                || (r.type() == RecommendationType.TITRATE_DOSE && "UP".equals(r.proposal().get("direction")));
    }

    @Test
    void neverProposesEscalationOrUpTitrationWhileASafetyTriggerIsActive() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Decision decision = decide(RandomPatients.scenario(seed, true), POLICY);
            assertTrue(decision.toAdd().stream().noneMatch(LadderEnginePropertiesTest::goesUp),
                    () -> "seed " + seed + ": " + Vignettes.describe(decision));
        });
    }

    @Test
    void neverMoreThanOnePendingLadderMoveAfterTheDecisionIsApplied() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario scenario = RandomPatients.scenario(seed);
            Decision decision = decide(scenario, POLICY);
            long pendingMoves = scenario.snapshot().pending().stream()
                    .filter(p -> !decision.toSupersede().contains(p.id()))
                    .filter(p -> p.type().isLadderMove()).count()
                    + decision.toAdd().stream().filter(r -> r.type().isLadderMove()).count();
            assertTrue(pendingMoves <= 1, () -> "seed " + seed + ": " + Vignettes.describe(decision));
        });
    }

    @Test
    void theSameInputsGiveTheSameDecisionWhateverOrderTheWindowArrivesIn() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario scenario = RandomPatients.scenario(seed);
            Decision first = decide(scenario, POLICY);
            assertEquals(first, decide(scenario, POLICY));
            List<org.painladder.domain.pain.PainAssessment> shuffled = new ArrayList<>(
                    scenario.snapshot().recentAssessments());
            Collections.shuffle(shuffled, new Random(seed));
            PatientSnapshot s = scenario.snapshot();
            PatientSnapshot reordered = new PatientSnapshot(s.patientId(), s.ladderStep(), s.ladderSince(),
                    s.boneMetastases(), s.painConditions(), s.lifeExpectancyMonths(), s.primarySite(),
                    s.contraindications(), s.regimen(), shuffled, s.pending(), s.factors(),
                    s.organFunctionBands());
            assertEquals(first, decide(new RandomPatients.Scenario(reordered, scenario.newAssessment()), POLICY));
        });
    }

    @Test
    void titrationNeverExceedsTheDailyCapAndAlwaysRaisesTheDose() {
        qt().withExamples(400).forAll(longs().all(), integers().between(50, 100), integers().between(50, 100),
                integers().between(25, 50)).checkAssert((seed, cap, severePct, moderatePct) -> {
            LadderPolicy policy = Policies.with(Policies.with(Policies.with(POLICY, "maxDailyIncreasePct", cap),
                    "titrationPctSevere", severePct), "titrationPctModerate", moderatePct);
            Decision decision = decide(RandomPatients.scenario(seed), policy);
            decision.toAdd().stream()
                    .filter(r -> r.type() == RecommendationType.TITRATE_DOSE
                            && "UP".equals(r.proposal().get("direction")))
                    .forEach(r -> {
                        BigDecimal from = (BigDecimal) r.proposal().get("fromDailyDose");
                        BigDecimal to = (BigDecimal) r.proposal().get("toDailyDose");
                        BigDecimal limit = from.multiply(BigDecimal.valueOf(100 + cap)).divide(BigDecimal.valueOf(100));
                        assertTrue(to.compareTo(limit) <= 0, () -> "seed " + seed + ": " + from + " → " + to
                                + " above +" + cap + " %");
                        assertTrue(to.compareTo(from) > 0, () -> "seed " + seed + ": " + from + " → " + to);
                    });
        });
    }

    @Test
    void everyRecommendationCarriesItsRuleVersionRationaleAndEvidence() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Decision decision = decide(RandomPatients.scenario(seed), POLICY);
            for (ProposedRecommendation r : decision.toAdd()) {
                assertEquals(r.ruleId().type(), r.type());
                assertEquals(LadderPolicy.RULES_VERSION, r.rulesVersion());
                assertTrue(r.rationale().length() > 40, r.rationale());
                assertTrue(r.ruleId() != RuleId.REF_01 && r.ruleId() != RuleId.REF_02, "REF belongs to the "
                        + "refractory detector");
            }
        });
    }
}
