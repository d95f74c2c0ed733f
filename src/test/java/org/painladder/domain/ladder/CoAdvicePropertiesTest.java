package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * §6.3 "recommendations do not contradict each other", as a property over the generated patients of
 * {@link RandomPatients}: the proposals of one decision never name two different rescue doses of the same drug.
 */
class CoAdvicePropertiesTest {

    private static final int EXAMPLES = 1500;

    @Test
    void oneDecisionNamesOneRescueDosePerDrug() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            Decision decision = Vignettes.ENGINE.evaluate(s.snapshot(), s.fact(), LadderPolicy.defaults(),
                    Vignettes.CLOCK);
            Map<String, Object> rescueDoses = new HashMap<>();
            for (ProposedRecommendation r : decision.toAdd()) {
                Object drug = r.proposal().get("rescueDrug");
                if (drug != null) {
                    Object earlier = rescueDoses.putIfAbsent(drug + " " + r.proposal().get("rescueRoute"),
                            r.proposal().get("rescueDose"));
                    if (earlier != null) {
                        assertEquals(0, ((java.math.BigDecimal) earlier).compareTo(
                                (java.math.BigDecimal) r.proposal().get("rescueDose")),
                                () -> "seed " + seed + ": " + Vignettes.describe(decision));
                    }
                }
            }
        });
    }
}
