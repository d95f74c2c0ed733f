package org.painladder.app;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.ModeratePainStrategy;
import org.painladder.domain.pain.BandEdges;

/**
 * The ladder policy in force: the {@code painladder.rules.*} configuration read once into the domain's
 * {@link LadderPolicy}. A value outside its clinical-rules §6.2 range stops the service at startup, naming the key and
 * the allowed range, rather than letting the rules run on a threshold no guideline supports.
 */
@ApplicationScoped
public class LadderPolicies {

    static final String PREFIX = "painladder.rules.";

    /** The configuration is not a policy the rules may run on; the message lists every offending key. */
    public static class InvalidPolicyException extends IllegalStateException {
        InvalidPolicyException(List<String> violations) {
            super("The ladder policy is invalid, the service will not start: " + String.join("; ", violations));
        }
    }

    private final LadderPolicy policy;

    LadderPolicies(RulesConfig rules) {
        this.policy = validated(rules);
    }

    public LadderPolicy current() {
        return policy;
    }

    /** Reading the policy at startup (not at the first assessment) makes a bad value fail the start. */
    void checkAtStartup(@Observes StartupEvent started) {
        current();
    }

    /** @throws InvalidPolicyException naming each key outside its range */
    static LadderPolicy validated(RulesConfig rules) {
        // A value that cannot even be built into the policy is reported, and a default stands in for it so that
        // every other key is still checked: the operator sees all mistakes in one message.
        List<String> violations = new ArrayList<>();
        BandEdges bandEdges = BandEdges.DEFAULT;
        try {
            bandEdges = rules.bandEdges();
        } catch (IllegalArgumentException outOfRange) {
            violations.add(outOfRange.getMessage().replace("3-4", "3–4"));
        }
        ModeratePainStrategy strategy = strategy(rules.moderatePainStrategy());
        if (strategy == null) {
            violations.add("moderatePainStrategy must be WEAK_OPIOID or LOW_DOSE_STRONG_OPIOID, got "
                    + rules.moderatePainStrategy());
            strategy = ModeratePainStrategy.WEAK_OPIOID;
        }
        LadderPolicy policy = new LadderPolicy(bandEdges, rules.escalationWindowHours(),
                rules.minScoresForPersistence(), rules.minSpacingHours(), strategy,
                new LadderPolicy.LowDoseStrongOpioidLimits(rules.lowDoseStrongOpioidMaxMg().morphine(),
                        rules.lowDoseStrongOpioidMaxMg().oxycodone(), rules.lowDoseStrongOpioidMaxMg().hydromorphone()),
                rules.titrationPctModerate(), rules.titrationPctSevere(), rules.maxDailyIncreasePct(),
                new LadderPolicy.TitrationIntervals(rules.minHoursBetweenTitrations().oral(),
                        rules.minHoursBetweenTitrations().transdermalFentanyl(),
                        rules.minHoursBetweenTitrations().methadone()),
                rules.rescueFractionMin(), rules.rescueFractionMax(), rules.rescueFractionTarget(),
                rules.btpEpisodesTitrateThreshold(), rules.rotationReductionPct(),
                rules.rotationReductionPctAdverseEffects(), rules.stepDownStableDays(), rules.stepDownReductionPct(),
                rules.refractoryMinDaysOnStep3(), rules.refractoryOmeddThresholdMg(),
                rules.refractoryMinStrongOpioids(),
                rules.refractoryBtpPerDay(), rules.itPumpMinLifeExpectancyMonths(), rules.acuteCauseSuppressionDays(),
                rules.stalenessHours(), rules.mmeFactorProfile(), rules.safetyBlockHours(),
                rules.neurotoxicityReductionPct(), rules.refractoryMinDaysShortPrognosis());
        violations.addAll(policy.violations());
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations.stream().map(LadderPolicies::withKey).toList());
        }
        return policy;
    }

    /** The strategy named, in any letter case, or null when it names none. */
    private static ModeratePainStrategy strategy(String configured) {
        for (ModeratePainStrategy strategy : ModeratePainStrategy.values()) {
            if (strategy.name().equalsIgnoreCase(configured.trim())) {
                return strategy;
            }
        }
        return null;
    }

    /** "escalationWindowHours must be …" becomes "painladder.rules.escalation-window-hours must be …". */
    static String withKey(String violation) {
        int end = violation.indexOf(' ');
        String name = end < 0 ? violation : violation.substring(0, end);
        if (!name.matches("[a-z][A-Za-z0-9.]*")) {
            return violation;
        }
        StringBuilder key = new StringBuilder(PREFIX);
        name.chars().forEach(c -> {
            if (Character.isUpperCase(c)) {
                key.append('-').append((char) Character.toLowerCase(c));
            } else {
                key.append((char) c);
            }
        });
        return key + violation.substring(name.length());
    }
}
