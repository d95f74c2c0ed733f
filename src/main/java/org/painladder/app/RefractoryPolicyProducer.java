package org.painladder.app;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.painladder.domain.refractory.RefractoryPolicy;

/** Translates the configuration once into the domain's {@link RefractoryPolicy}; a value out of range stops startup. */
public class RefractoryPolicyProducer {

    @Produces
    @Singleton
    RefractoryPolicy refractoryPolicy(RefractoryRulesConfig refractory, RulesConfig rules) {
        RefractoryPolicy policy = new RefractoryPolicy(refractory.refractoryMinDaysOnStep3(),
                refractory.refractoryOmeddThresholdMg(), refractory.refractoryMinStrongOpioids(),
                refractory.refractoryBtpPerDay(), refractory.itPumpMinLifeExpectancyMonths(),
                refractory.acuteCauseSuppressionDays(), refractory.minScoresForPersistence(),
                refractory.minSpacingHours(), refractory.controlledDaysToSuggestClosing(), rules.bandEdges());
        if (!policy.violations().isEmpty()) {
            throw new IllegalStateException("painladder.rules is out of range: " + String.join("; ", policy.violations()));
        }
        return policy;
    }
}
