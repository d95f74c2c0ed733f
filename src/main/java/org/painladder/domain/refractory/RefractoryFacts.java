package org.painladder.domain.refractory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;

/**
 * What REF-01 looks at, computed at evaluation time {@code now} (clinical-rules §6.1). Times are when things were
 * recorded, never when they arrived: a regimen backfilled with a past effectiveAt puts {@code step3Since} in the past.
 *
 * @param step3Since                  when the ladder reached step 3, or null when not on step 3
 * @param background72h               background assessments recorded in the last 72 h, oldest first
 * @param breakthroughByDay           the breakthrough episodes reported for each of the last 3 days, today first
 * @param omeddMg                     the scheduled oral morphine equivalent daily dose, mg/day
 * @param omeddTrace                  how the OMEDD was computed, e.g. "oxycodone 80 mg/d ×1.5", or null
 * @param adverseEffects7d            adverse effects reported in the last 7 days
 * @param strongOpioidsTried          distinct strong opioids since step-3 entry that have had an adequate trial (drug
 *                                    codes; the service judges it by each opioid's duration and titration)
 * @param acuteCauseEpisode           the latest acute pain with a treatable cause inside the suppression window, or
 *                                    null (CAU-01..04 suppress refractory counting)
 * @param latestMechanism             the mechanism of the latest assessment that named one
 * @param latestSite                  the site of the latest background assessment (the worklist's "site at flagging")
 * @param adjuvantScheduled           an adjuvant (gabapentinoid, antidepressant, steroid) is scheduled
 * @param lifeExpectancyMonths        the patient's estimated prognosis, or null when not recorded (§8.9 shortens the
 *                                    step-3 trial when it is at most 1 month)
 * @param opioidsOnTrial              the strong opioids given now whose trial is not yet adequate, each with why
 * @param doseNotYetJudged            why the scheduled dose in force cannot be judged yet (its titration interval has
 *                                    not passed), or null
 * @param upTitrationOffered          the up-titration of the current opioid the ladder proposes or still has pending,
 *                                    or null
 */
public record RefractoryFacts(
        Instant now,
        int ladderStep,
        Instant step3Since,
        List<PainAssessment> background72h,
        List<DailyBreakthrough> breakthroughByDay,
        BigDecimal omeddMg,
        String omeddTrace,
        List<ReportedAdverseEffect> adverseEffects7d,
        Set<String> strongOpioidsTried,
        AcuteCauseEpisode acuteCauseEpisode,
        PainMechanism latestMechanism,
        PainSite latestSite,
        boolean adjuvantScheduled,
        Integer lifeExpectancyMonths,
        List<String> opioidsOnTrial,
        String doseNotYetJudged,
        String upTitrationOffered) {

    /** @param daysAgo 0 for the last 24 h, 1 for the 24 h before, ...; episodes null when none were reported */
    public record DailyBreakthrough(int daysAgo, Integer episodes) {
    }

    public record ReportedAdverseEffect(AdverseEffect effect, Instant recordedAt) {
    }

    public record AcuteCauseEpisode(AcuteCause cause, Instant recordedAt) {
    }

    public RefractoryFacts {
        Objects.requireNonNull(now, "now");
        background72h = background72h == null ? List.of() : List.copyOf(background72h);
        breakthroughByDay = breakthroughByDay == null ? List.of() : List.copyOf(breakthroughByDay);
        omeddMg = omeddMg == null ? BigDecimal.ZERO : omeddMg;
        adverseEffects7d = adverseEffects7d == null ? List.of() : List.copyOf(adverseEffects7d);
        strongOpioidsTried = strongOpioidsTried == null ? Set.of() : Set.copyOf(strongOpioidsTried);
        latestMechanism = latestMechanism == null ? PainMechanism.UNKNOWN : latestMechanism;
        opioidsOnTrial = opioidsOnTrial == null ? List.of() : List.copyOf(opioidsOnTrial);
    }

    /**
     * The facts from the regimen's figures and the patient's recent assessments, which must cover at least
     * {@link RefractoryPolicy#lookback()} before {@code now}, in any order. Cause-driven acute scores do not count
     * toward refractoriness (CAU-01, CAU-04), so their breakthrough counts are left out too.
     */
    public static RefractoryFacts fromRecentAssessments(Instant now, int ladderStep, Instant step3Since,
                                                        BigDecimal omeddMg, String omeddTrace,
                                                        Set<String> strongOpioidsTried, boolean adjuvantScheduled,
                                                        List<PainAssessment> recent, RefractoryPolicy policy) {
        List<PainAssessment> byRecordedAt = recent.stream().filter(a -> !a.recordedAt().isAfter(now))
                .sorted(Comparator.comparing(PainAssessment::recordedAt)).toList();
        Instant persistenceFrom = now.minus(RefractoryPolicy.PERSISTENCE_WINDOW);
        List<PainAssessment> background = byRecordedAt.stream()
                .filter(a -> a.isBackground() && !a.recordedAt().isBefore(persistenceFrom)).toList();
        List<DailyBreakthrough> byDay = new ArrayList<>();
        for (int daysAgo = 0; daysAgo < RefractoryPolicy.BREAKTHROUGH_DAYS; daysAgo++) {
            Instant dayEnd = now.minus(Duration.ofDays(daysAgo));
            Instant dayStart = dayEnd.minus(Duration.ofDays(1));
            // The most episodes any assessment of that day reported: each one counts the 24 h before it.
            Integer episodes = byRecordedAt.stream()
                    .filter(a -> a.acuteCause() == null && a.breakthroughEpisodes24h() != null)
                    // §8.6: incident (movement) pain calls for pre-emptive rescue, not an interventional referral.
                    .filter(a -> a.breakthroughType() != BreakthroughType.INCIDENT)
                    .filter(a -> a.recordedAt().isAfter(dayStart) && !a.recordedAt().isAfter(dayEnd))
                    .map(PainAssessment::breakthroughEpisodes24h).max(Integer::compare).orElse(null);
            byDay.add(new DailyBreakthrough(daysAgo, episodes));
        }
        Instant effectsFrom = now.minus(RefractoryPolicy.ADVERSE_EFFECT_WINDOW);
        List<ReportedAdverseEffect> effects = byRecordedAt.stream().filter(a -> !a.recordedAt().isBefore(effectsFrom))
                .flatMap(a -> a.adverseEffects().stream().map(e -> new ReportedAdverseEffect(e, a.recordedAt())))
                .toList();
        Instant suppressionFrom = now.minus(Duration.ofDays(policy.acuteCauseSuppressionDays()));
        AcuteCauseEpisode episode = byRecordedAt.stream()
                .filter(a -> a.acuteCause() != null && !a.recordedAt().isBefore(suppressionFrom))
                .reduce((first, second) -> second)
                .map(a -> new AcuteCauseEpisode(a.acuteCause(), a.recordedAt())).orElse(null);
        PainMechanism mechanism = byRecordedAt.stream().map(PainAssessment::mechanism)
                .filter(m -> m != PainMechanism.UNKNOWN).reduce((first, second) -> second).orElse(PainMechanism.UNKNOWN);
        PainSite site = byRecordedAt.stream().filter(PainAssessment::isBackground).map(PainAssessment::site)
                .filter(Objects::nonNull).reduce((first, second) -> second)
                .orElse(byRecordedAt.stream().map(PainAssessment::site).filter(Objects::nonNull)
                        .reduce((first, second) -> second).orElse(null));
        return new RefractoryFacts(now, ladderStep, step3Since, background, byDay, omeddMg, omeddTrace, effects,
                strongOpioidsTried == null ? Set.of() : new TreeSet<>(strongOpioidsTried), episode, mechanism, site,
                adjuvantScheduled, null, List.of(), null, null);
    }

    /** The same facts for a patient with this prognosis. */
    public RefractoryFacts withLifeExpectancyMonths(Integer months) {
        return new RefractoryFacts(now, ladderStep, step3Since, background72h, breakthroughByDay, omeddMg, omeddTrace,
                adverseEffects7d, strongOpioidsTried, acuteCauseEpisode, latestMechanism, latestSite,
                adjuvantScheduled, months, opioidsOnTrial, doseNotYetJudged, upTitrationOffered);
    }

    /**
     * The same facts with what the ladder knows of the step-3 trial: the opioids still on trial, whether the dose in
     * force can be judged yet, and the up-titration it proposes.
     */
    public RefractoryFacts withTrial(List<String> onTrial, String doseNotJudged, String upTitration) {
        return new RefractoryFacts(now, ladderStep, step3Since, background72h, breakthroughByDay, omeddMg, omeddTrace,
                adverseEffects7d, strongOpioidsTried, acuteCauseEpisode, latestMechanism, latestSite,
                adjuvantScheduled, lifeExpectancyMonths, onTrial, doseNotJudged, upTitration);
    }
}
