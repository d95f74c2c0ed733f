package org.painladder.domain.refractory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.refractory.RefractoryFacts.ReportedAdverseEffect;
import org.painladder.domain.refractory.RefractoryVerdict.NotRefractory;
import org.painladder.domain.refractory.RefractoryVerdict.Reason;

/**
 * REF-01 (clinical-rules §6.4): pain refractory after an adequate, properly titrated step 3 (Currow 2012; CRPC 2017;
 * Afsharimani 2015; Smith 2002), and REF-02: suggest closing a case once pain has been controlled for a week.
 * Pure and deterministic: the same facts give the same verdict.
 */
public final class RefractoryDetector {

    /** Adverse effects that limit further opioid titration (REF-01 c2). */
    static final Set<AdverseEffectType> DOSE_LIMITING = EnumSet.of(AdverseEffectType.SEDATION,
            AdverseEffectType.DELIRIUM, AdverseEffectType.MYOCLONUS, AdverseEffectType.RESPIRATORY_DEPRESSION);
    /** Frequent breakthrough pain must be seen on this many of the last 3 days (CRPC 2017; NCCN). */
    static final int FREQUENT_BREAKTHROUGH_DAYS = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RefractoryPolicy policy;

    public RefractoryDetector(RefractoryPolicy policy) {
        this.policy = policy;
    }

    /** REF-01: all of (a) to (e) must hold; the verdict names each criterion that held, or the first that failed. */
    public RefractoryVerdict evaluate(RefractoryFacts facts) {
        if (facts.ladderStep() != 3 || facts.step3Since() == null) {
            return new NotRefractory(Reason.NOT_ON_STEP_3, "on ladder step " + facts.ladderStep()
                    + ": refractoriness is judged only after an adequate step-3 trial");
        }
        List<Criterion> criteria = new ArrayList<>();
        long daysOnStep3 = Duration.between(facts.step3Since(), facts.now()).toDays();
        String trial = "on step 3 for " + daysOnStep3 + " days since " + DAY.format(facts.step3Since());
        int minDays = policy.minDaysOnStep3(facts.lifeExpectancyMonths());
        String prognosis = minDays < policy.refractoryMinDaysOnStep3() ? ", shortened for a life expectancy of "
                + facts.lifeExpectancyMonths() + " month" + (facts.lifeExpectancyMonths() == 1 ? "" : "s") : "";
        if (daysOnStep3 < minDays) {
            return new NotRefractory(Reason.STEP_3_TRIAL_TOO_SHORT,
                    trial + " (< " + minDays + prognosis + "): the step-3 trial is not yet adequate");
        }
        criteria.add(new Criterion(CriterionCode.ON_STEP3_MIN_DAYS, trial + " (≥ " + minDays + prognosis + ")"));

        persistentModerateOrSevere(facts).ifPresent(criteria::add);
        frequentBreakthrough(facts).ifPresent(criteria::add);
        if (criteria.size() == 1) {
            return new NotRefractory(Reason.PAIN_NOT_UNCONTROLLED, "pain is not uncontrolled: no persistent"
                    + " moderate or severe background pain over 72 h and fewer than "
                    + FREQUENT_BREAKTHROUGH_DAYS + " of the last 3 days with ≥ " + policy.refractoryBtpPerDay()
                    + " breakthrough episodes");
        }

        // Currow 2012, §6.4: a limit counts only once the dose in force has had its titration interval, and two
        // opioids have failed only when the engine has no up-titration of the current one left to propose.
        int beforeLimits = criteria.size();
        boolean doseJudged = facts.doseNotYetJudged() == null;
        if (doseJudged) {
            highOmedd(facts).ifPresent(criteria::add);
        }
        doseLimitingAdverseEffects(facts).ifPresent(criteria::add);
        if (doseJudged && facts.upTitrationOffered() == null) {
            multipleOpioids(facts).ifPresent(criteria::add);
        }
        if (criteria.size() == beforeLimits) {
            return new NotRefractory(Reason.NO_ESCALATION_LIMIT_REACHED, doseJudged ? "OMEDD " + mg(facts.omeddMg())
                    + " mg/d (< " + policy.refractoryOmeddThresholdMg() + "), no dose-limiting adverse effect in 7 days"
                    + " and " + facts.strongOpioidsTried().size() + " strong opioid(s) with an adequate trial (< "
                    + policy.refractoryMinStrongOpioids() + ")" + trialNotes(facts)
                    + ": titration or rotation can still go on"
                    : facts.doseNotYetJudged() + ", and no dose-limiting adverse effect in 7 days: the step-3 trial is"
                    + " judged on the dose in force");
        }

        if (facts.acuteCauseEpisode() != null) {
            return new NotRefractory(Reason.ACUTE_CAUSE_SUPPRESSION, "acute " + facts.acuteCauseEpisode().cause()
                    + " pain recorded " + DAY.format(facts.acuteCauseEpisode().recordedAt()) + ", within the "
                    + policy.acuteCauseSuppressionDays() + "-day window: treat the cause first; these scores do not"
                    + " count toward refractoriness");
        }

        if (facts.latestMechanism().hasNeuropathicComponent()) {
            if (!facts.adjuvantScheduled()) {
                return new NotRefractory(Reason.NO_ADJUVANT_FOR_NEUROPATHIC_PAIN, facts.latestMechanism()
                        + " pain and no adjuvant scheduled: try a gabapentinoid, an antidepressant or dexamethasone"
                        + " first (ADJ-01)");
            }
            criteria.add(new Criterion(CriterionCode.ADJUVANT_TRIED, "an adjuvant is scheduled for "
                    + facts.latestMechanism() + " pain (ADJ-01 satisfied)"));
        }
        return new RefractoryVerdict.Refractory(criteria);
    }

    /**
     * REF-02: an open case whose pain has been CONTROLLED since {@code controlledSince} for at least
     * {@code controlledDaysToSuggestClosing} days.
     */
    public Optional<ClosingSuggestion> closingSuggestion(CaseStatus status, Instant controlledSince, Instant now) {
        if (!status.isOpen() || controlledSince == null) {
            return Optional.empty();
        }
        long days = Duration.between(controlledSince, now).toDays();
        if (days < policy.controlledDaysToSuggestClosing()) {
            return Optional.empty();
        }
        return Optional.of(new ClosingSuggestion(ClosingSuggestion.RULE_ID, CaseStatus.CLOSED,
                CaseOutcome.PAIN_CONTROLLED, controlledSince, "Pain controlled since " + DAY.format(controlledSince)
                + " (" + days + " days ≥ " + policy.controlledDaysToSuggestClosing() + "): consider closing the case"
                + " with outcome PAIN_CONTROLLED, or INTERVENTION_DONE if a procedure brought the relief."
                + " The case stays open until the team closes it."));
    }

    /**
     * PERSISTENT_MODERATE_OR_SEVERE: §6.4 asks for persistentBand(MODERATE, 72 h); §6.5 defines the code as mean and
     * latest score ≥ 4. Both are required, so that a patient whose latest score has fallen back to mild is not
     * flagged on older scores.
     */
    private Optional<Criterion> persistentModerateOrSevere(RefractoryFacts facts) {
        List<PainAssessment> scores = facts.background72h();
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        int moderateFrom = policy.bandEdges().mildMax() + 1;
        int spaced = spacedScoresAtLeast(scores, moderateFrom);
        int latest = scores.get(scores.size() - 1).score();
        BigDecimal mean = BigDecimal.valueOf(scores.stream().mapToInt(PainAssessment::score).sum())
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
        if (spaced < policy.minScoresForPersistence() || latest < moderateFrom
                || mean.compareTo(BigDecimal.valueOf(moderateFrom)) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Criterion(CriterionCode.PERSISTENT_MODERATE_OR_SEVERE, "background mean "
                + mean.toPlainString() + " and latest " + latest + " over 72 h (n=" + scores.size() + "), " + spaced
                + " scores ≥ " + moderateFrom + " at least " + policy.minSpacingHours() + " h apart"));
    }

    /** How many scores at or above {@code threshold} can be picked at least minSpacingHours apart (greedy, oldest first). */
    private int spacedScoresAtLeast(List<PainAssessment> oldestFirst, int threshold) {
        Duration spacing = Duration.ofHours(policy.minSpacingHours());
        int count = 0;
        Instant lastPicked = null;
        for (PainAssessment assessment : oldestFirst) {
            if (assessment.score() >= threshold
                    && (lastPicked == null || !assessment.recordedAt().isBefore(lastPicked.plus(spacing)))) {
                count++;
                lastPicked = assessment.recordedAt();
            }
        }
        return count;
    }

    private Optional<Criterion> frequentBreakthrough(RefractoryFacts facts) {
        long frequentDays = facts.breakthroughByDay().stream()
                .filter(day -> day.episodes() != null && day.episodes() >= policy.refractoryBtpPerDay()).count();
        if (frequentDays < FREQUENT_BREAKTHROUGH_DAYS) {
            return Optional.empty();
        }
        String perDay = facts.breakthroughByDay().stream()
                .map(day -> day.episodes() == null ? "none reported" : day.episodes().toString())
                .collect(Collectors.joining(", "));
        return Optional.of(new Criterion(CriterionCode.FREQUENT_BREAKTHROUGH, "≥ " + policy.refractoryBtpPerDay()
                + " breakthrough episodes a day on " + frequentDays + " of the last 3 days (" + perDay + ", today first)"));
    }

    private Optional<Criterion> highOmedd(RefractoryFacts facts) {
        if (facts.omeddMg().compareTo(BigDecimal.valueOf(policy.refractoryOmeddThresholdMg())) < 0) {
            return Optional.empty();
        }
        String trace = facts.omeddTrace() == null || facts.omeddTrace().isBlank() ? "" : " (" + facts.omeddTrace() + ")";
        return Optional.of(new Criterion(CriterionCode.HIGH_OMEDD, "OMEDD " + mg(facts.omeddMg()) + " mg/d" + trace
                + " ≥ " + policy.refractoryOmeddThresholdMg()));
    }

    private static Optional<Criterion> doseLimitingAdverseEffects(RefractoryFacts facts) {
        Map<AdverseEffectType, ReportedAdverseEffect> worstByType = new EnumMap<>(AdverseEffectType.class);
        Comparator<ReportedAdverseEffect> worse = Comparator
                .comparing((ReportedAdverseEffect r) -> r.effect().severity()).thenComparing(ReportedAdverseEffect::recordedAt);
        facts.adverseEffects7d().stream()
                .filter(r -> DOSE_LIMITING.contains(r.effect().type()) && r.effect().severity().atLeast(Severity.MODERATE))
                .forEach(r -> worstByType.merge(r.effect().type(), r, (a, b) -> worse.compare(a, b) >= 0 ? a : b));
        if (worstByType.isEmpty()) {
            return Optional.empty();
        }
        String effects = worstByType.values().stream()
                .map(r -> r.effect().type() + " " + r.effect().severity() + " on " + DAY.format(r.recordedAt()))
                .collect(Collectors.joining(", "));
        return Optional.of(new Criterion(CriterionCode.DOSE_LIMITING_ADVERSE_EFFECTS,
                effects + " in the last 7 days limits further titration"));
    }

    /** Why an opioid did not count: still on its trial, or the ladder still titrating it. */
    private static String trialNotes(RefractoryFacts facts) {
        String onTrial = facts.opioidsOnTrial().isEmpty() ? "" : "; not yet an adequate trial: "
                + String.join("; ", facts.opioidsOnTrial());
        String titrating = facts.upTitrationOffered() == null ? "" : "; the current opioid is still being titrated ("
                + facts.upTitrationOffered() + ")";
        return onTrial + titrating;
    }

    private Optional<Criterion> multipleOpioids(RefractoryFacts facts) {
        if (facts.strongOpioidsTried().size() < policy.refractoryMinStrongOpioids()) {
            return Optional.empty();
        }
        String drugs = facts.strongOpioidsTried().stream().sorted().collect(Collectors.joining(", "));
        return Optional.of(new Criterion(CriterionCode.MULTIPLE_OPIOIDS_FAILED, facts.strongOpioidsTried().size()
                + " strong opioids each given an adequate trial since step-3 entry: " + drugs + " (≥ " + policy.refractoryMinStrongOpioids() + ")"));
    }

    private static String mg(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
