package org.painladder.domain.refractory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.painladder.domain.pain.BandEdges;

/**
 * The thresholds of REF-01, REF-02 and the intervention advisor (clinical-rules §6.2), under their §6.2 names so
 * that the ladder's policy maps onto them one to one.
 *
 * @param refractoryMinDaysOnStep3      an adequate step-3 trial lasts at least this many days (CRPC 2017, 1–2 weeks)
 * @param refractoryOmeddThresholdMg    OMEDD at or above this is "high" (Smith 2002: ≥ 200 mg/d)
 * @param refractoryMinStrongOpioids    this many distinct strong opioids tried since step-3 entry (≥ 1 rotation)
 * @param refractoryBtpPerDay           breakthrough episodes a day that count as frequent (CRPC 2017: ≥ 3)
 * @param itPumpMinLifeExpectancyMonths below this an implanted pump is not suitable; a catheter is (Deer 2011)
 * @param acuteCauseSuppressionDays     an acute pain with a treatable cause suppresses refractoriness this long
 * @param minScoresForPersistence       background scores needed for a persistent band
 * @param minSpacingHours               minimum spacing between those scores
 * @param controlledDaysToSuggestClosing REF-02: pain controlled this long suggests closing the case
 * @param refractoryMinDaysShortPrognosis the step-3 trial when life expectancy is at most 1 month (§8.9)
 */
public record RefractoryPolicy(
        int refractoryMinDaysOnStep3,
        int refractoryOmeddThresholdMg,
        int refractoryMinStrongOpioids,
        int refractoryBtpPerDay,
        int itPumpMinLifeExpectancyMonths,
        int acuteCauseSuppressionDays,
        int minScoresForPersistence,
        int minSpacingHours,
        int controlledDaysToSuggestClosing,
        BandEdges bandEdges,
        int refractoryMinDaysShortPrognosis) {

    /** Life expectancy at or below which the shorter step-3 trial applies (§8.9). */
    public static final int SHORT_PROGNOSIS_MONTHS = 1;

    /** The step-3 trial REF-01 requires for this prognosis: shorter when life expectancy is at most 1 month. */
    public int minDaysOnStep3(Integer lifeExpectancyMonths) {
        return lifeExpectancyMonths != null && lifeExpectancyMonths <= SHORT_PROGNOSIS_MONTHS
                ? Math.min(refractoryMinDaysShortPrognosis, refractoryMinDaysOnStep3) : refractoryMinDaysOnStep3;
    }

    /** REF-01 looks back 72 h for persistent pain and 3 days for breakthrough episodes (§6.4). */
    public static final Duration PERSISTENCE_WINDOW = Duration.ofHours(72);
    /** Dose-limiting adverse effects count when reported within this window (REF-01 c2). */
    public static final Duration ADVERSE_EFFECT_WINDOW = Duration.ofDays(7);
    public static final int BREAKTHROUGH_DAYS = 3;

    public static RefractoryPolicy defaults() {
        return new RefractoryPolicy(14, 200, 2, 3, 3, 7, 2, 4, 7, BandEdges.DEFAULT, 7);
    }

    /** The recent assessments REF-01 needs: the longest of its windows, so a caller loads exactly this much. */
    public Duration lookback() {
        Duration suppression = Duration.ofDays(acuteCauseSuppressionDays);
        return suppression.compareTo(ADVERSE_EFFECT_WINDOW) > 0 ? suppression : ADVERSE_EFFECT_WINDOW;
    }

    /** Each value outside its §6.2 range, named with the range in words; empty when the policy is usable. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        check(violations, "refractoryMinDaysOnStep3", refractoryMinDaysOnStep3, 7, 28);
        check(violations, "refractoryOmeddThresholdMg", refractoryOmeddThresholdMg, 120, 320);
        check(violations, "refractoryMinStrongOpioids", refractoryMinStrongOpioids, 1, 3);
        check(violations, "refractoryBtpPerDay", refractoryBtpPerDay, 3, 4);
        check(violations, "itPumpMinLifeExpectancyMonths", itPumpMinLifeExpectancyMonths, 3, 6);
        check(violations, "acuteCauseSuppressionDays", acuteCauseSuppressionDays, 3, 14);
        check(violations, "minScoresForPersistence", minScoresForPersistence, 1, 3);
        check(violations, "minSpacingHours", minSpacingHours, 1, 12);
        check(violations, "controlledDaysToSuggestClosing", controlledDaysToSuggestClosing, 3, 28);
        check(violations, "refractoryMinDaysShortPrognosis", refractoryMinDaysShortPrognosis, 3, 14);
        return violations;
    }

    private static void check(List<String> violations, String name, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(name + " must be from " + min + " to " + max + ", got " + value);
        }
    }
}
