package org.painladder.domain.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether the step-3 trial REF-01 judges is adequate (clinical-rules §6.4: "refractory after an adequate, properly
 * titrated step 3"; Currow 2012: an adequate trial names the drug, the dose and the duration; CRPC 2017: 1–2 weeks of
 * standard treatment).
 *
 * <ul>
 *   <li>A strong opioid counts as tried (MULTIPLE_OPIOIDS_FAILED) once it was given for {@link #OPIOID_TRIAL}
 *       (the lower end of CRPC's 1–2 weeks, and methadone's own titration interval), or once a titration step on it
 *       was given its titration interval (24 h oral or parenteral, 72 h patch, 168 h methadone; §1.5, §8.5) to act.
 *       A patch started 80 h ago and never raised has had neither.</li>
 *   <li>The dose in force is judged only after its titration interval: scores taken sooner speak of the dose before.</li>
 *   <li>While the engine itself proposes (or still has pending) an up-titration of the current opioid, that opioid's
 *       trial is not over, so it does not make two opioids failed.</li>
 * </ul>
 */
public final class StepThreeTrial {

    /** A strong opioid given this long without a titration step has had an adequate trial. */
    public static final Duration OPIOID_TRIAL = Duration.ofDays(7);

    private static final Set<RuleId> UP_TITRATIONS = Set.of(RuleId.LAD_06, RuleId.LAD_07, RuleId.LAD_08,
            RuleId.LAD_09);

    private StepThreeTrial() {
    }

    /**
     * The strong opioids since step-3 entry that have had an adequate trial; the codes tried when the regimen history
     * gave no trials (a caller that reads none keeps the count of opioids scheduled).
     */
    public static Set<String> adequatelyTried(RegimenFacts regimen, LadderPolicy policy, Instant now) {
        if (regimen.strongOpioidTrials().isEmpty()) {
            return new TreeSet<>(regimen.strongOpioidsTriedSinceStep3());
        }
        return regimen.strongOpioidTrials().stream().filter(trial -> adequate(trial, policy, now))
                .map(OpioidTrial::drug).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The strong opioids started since step-3 entry whose trial is not yet adequate, with why, e.g. "fentanyl …". */
    public static List<String> stillOnTrial(RegimenFacts regimen, LadderPolicy policy, Instant now) {
        Set<String> tried = adequatelyTried(regimen, policy, now);
        return regimen.strongOpioidTrials().stream().filter(trial -> !tried.contains(trial.drug()))
                .filter(trial -> trial.stoppedAt() == null)
                .map(trial -> name(trial.drug()) + " started " + hours(trial.startedAt(), now) + " h ago, "
                        + (trial.raisedAt().isEmpty() ? "not yet titrated" : "its last titration "
                        + hours(trial.raisedAt().get(trial.raisedAt().size() - 1), now) + " h ago") + " (an adequate "
                        + "trial is " + OPIOID_TRIAL.toDays() + " days, or a titration step given its "
                        + intervalHours(trial.drug(), trial.route(), policy) + " h)")
                .toList();
    }

    /** Why the scheduled dose in force cannot be judged yet (its titration interval has not passed), else empty. */
    public static Optional<String> doseNotYetJudged(RegimenFacts regimen, LadderPolicy policy, Instant now) {
        return PrimaryOpioid.strong(regimen).filter(drug -> !Titration.intervalElapsed(drug, regimen, policy, now))
                .map(drug -> "the " + name(drug.code()) + " dose in force has been given for "
                        + Titration.hoursSinceLastChange(regimen, now).orElse(0L) + " h, less than its "
                        + Titration.minHoursBetweenChanges(drug, policy) + " h titration interval");
    }

    /**
     * The up-titration of the current opioid this decision proposes, or one still pending that it does not supersede:
     * "LAD-06 proposes fentanyl 25 → 37.5 mcg/h"; empty when there is none.
     */
    public static Optional<String> upTitrationOffered(Decision decision, List<PendingRecommendation> pending) {
        Optional<String> proposed = decision.toAdd().stream().filter(r -> UP_TITRATIONS.contains(r.ruleId()))
                .findFirst().map(r -> r.ruleId().code() + " proposes " + name(String.valueOf(r.proposal().get("drug")))
                        + " " + r.proposal().get("fromDailyDose") + " → " + r.proposal().get("toDailyDose") + " "
                        + r.proposal().get("unit"));
        return proposed.or(() -> pending.stream().filter(p -> UP_TITRATIONS.contains(p.ruleId()))
                .filter(p -> !decision.toSupersede().contains(p.id())).findFirst()
                .map(p -> p.ruleId().code() + " is still pending"));
    }

    static boolean adequate(OpioidTrial trial, LadderPolicy policy, Instant now) {
        Instant end = trial.stoppedAt() == null ? now : trial.stoppedAt();
        Duration interval = Duration.ofHours(intervalHours(trial.drug(), trial.route(), policy));
        Duration given = Duration.between(trial.startedAt(), end);
        Duration trialLength = OPIOID_TRIAL.compareTo(interval) >= 0 ? OPIOID_TRIAL : interval;
        boolean titratedAndJudged = trial.raisedAt().stream()
                .anyMatch(raised -> Duration.between(raised, end).compareTo(interval) >= 0);
        return given.compareTo(trialLength) >= 0 || titratedAndJudged;
    }

    private static int intervalHours(String drug, String route, LadderPolicy policy) {
        return Titration.minHoursBetweenChanges(drug, route, policy);
    }

    private static long hours(Instant from, Instant now) {
        return Duration.between(from, now).toHours();
    }

    private static String name(String code) {
        return code.toLowerCase(Locale.ROOT);
    }
}
