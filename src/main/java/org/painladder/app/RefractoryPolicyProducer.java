package org.painladder.app;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.refractory.RefractoryPolicy;

/**
 * The refractory thresholds are part of the ladder policy (one place, one startup check, one published list); this
 * hands the refractory detector and advisor their slice of it. A value out of range stops startup.
 */
public class RefractoryPolicyProducer {

    @Produces
    @Singleton
    RefractoryPolicy refractoryPolicy(LadderPolicies policies, RulesConfig rules) {
        LadderPolicy ladder = policies.current();
        RefractoryPolicy policy = new RefractoryPolicy(ladder.refractoryMinDaysOnStep3(),
                ladder.refractoryOmeddThresholdMg(), ladder.refractoryMinStrongOpioids(), ladder.refractoryBtpPerDay(),
                ladder.itPumpMinLifeExpectancyMonths(), ladder.acuteCauseSuppressionDays(),
                ladder.minScoresForPersistence(), ladder.minSpacingHours(), rules.controlledDaysToSuggestClosing(),
                ladder.bandEdges(), ladder.refractoryMinDaysShortPrognosis());
        if (!policy.violations().isEmpty()) {
            throw new IllegalStateException("painladder.rules is out of range: " + String.join("; ", policy.violations()));
        }
        return policy;
    }
}
