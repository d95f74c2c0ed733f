package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.painladder.domain.regimen.DoseSteps;

/**
 * The arithmetic of a scheduled-dose change (clinical-rules §1.5, LAD-06/07/08, SAF-01/02, STD-01).
 *
 * <p>Up: the larger of the percentage step and "current + rescue taken in 24 h", never above
 * current × (1 + maxDailyIncreasePct). Rounded to a dose a prescriber can give when that stays above the current dose
 * and within the cap; otherwise the exact figure is proposed. Down: the percentage cut, rounded down to a dose step.
 */
final class Titration {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Titration() {
    }

    /**
     * @param byPercentage current × (1 + pct)
     * @param byRescue     current + the rescue taken in 24 h, null when unknown
     * @param cap          current × (1 + maxDailyIncreasePct), or the drug's ceiling when that is lower
     * @param ceiling      the drug's ceiling daily dose (§1.7), null when it has none
     */
    record Up(BigDecimal fromDailyDose, BigDecimal toDailyDose, BigDecimal byPercentage, BigDecimal byRescue,
              BigDecimal cap, BigDecimal ceiling) {

        boolean rescueDecided() {
            return byRescue != null && byRescue.compareTo(byPercentage) > 0;
        }

        /** The step asked for more than the cap allows. */
        boolean capped() {
            BigDecimal asked = byRescue == null ? byPercentage : byPercentage.max(byRescue);
            return toDailyDose.compareTo(cap) == 0 && asked.compareTo(cap) > 0;
        }

        /** The cap that held the step is the drug's ceiling, not the daily increase limit. */
        boolean cappedAtCeiling() {
            return capped() && ceiling != null && cap.compareTo(ceiling) == 0;
        }
    }

    /** @param ceiling the drug's ceiling daily dose, null when it has none: no step goes past it (§1.7) */
    static Up up(ScheduledDrug drug, int pct, BigDecimal rescueUsed24h, int maxDailyIncreasePct, BigDecimal ceiling) {
        BigDecimal current = drug.dailyDose();
        BigDecimal byPercentage = percentOf(current, 100 + pct);
        BigDecimal byRescue = rescueUsed24h == null || rescueUsed24h.signum() <= 0 ? null : current.add(rescueUsed24h);
        BigDecimal increaseLimit = percentOf(current, 100 + maxDailyIncreasePct);
        BigDecimal cap = ceiling == null ? increaseLimit : increaseLimit.min(ceiling);
        BigDecimal target = byRescue == null ? byPercentage : byPercentage.max(byRescue);
        target = target.min(cap);
        if (drug.isBuprenorphinePatch()) {
            return new Up(DoseSteps.plain(current), buprenorphinePatchUp(current, target, cap),
                    DoseSteps.plain(byPercentage), byRescue == null ? null : DoseSteps.plain(byRescue),
                    DoseSteps.plain(cap), ceiling == null ? null : DoseSteps.plain(ceiling));
        }
        // By a pump the new total is a rate that can be set (§8.13: fentanyl 1200 → 1500 mcg/day, 62.5 mcg/h).
        BigDecimal step = DoseSteps.byPump(drug.route())
                ? DoseSteps.ratePerHourStep(drug.code()).multiply(BigDecimal.valueOf(24))
                : DoseSteps.dailyStep(drug.code(), drug.route());
        BigDecimal rounded = DoseSteps.nearest(target, step);
        if (rounded.compareTo(cap) > 0) {
            rounded = DoseSteps.floor(target, step);
        }
        BigDecimal to = rounded.compareTo(current) > 0 ? rounded : DoseSteps.plain(target);
        return new Up(DoseSteps.plain(current), to, DoseSteps.plain(byPercentage),
                byRescue == null ? null : DoseSteps.plain(byRescue), DoseSteps.plain(cap),
                ceiling == null ? null : DoseSteps.plain(ceiling));
    }

    /**
     * A patch strength that is made: the largest up to the target above the current one, else the next one up within
     * the cap (20 → 35 mcg/h), else the exact figure.
     */
    private static BigDecimal buprenorphinePatchUp(BigDecimal current, BigDecimal target, BigDecimal cap) {
        BigDecimal atMost = DoseSteps.buprenorphinePatchAtMost(target);
        if (atMost.compareTo(current) > 0) {
            return atMost;
        }
        BigDecimal next = DoseSteps.buprenorphinePatchAbove(current);
        return next.compareTo(cap) <= 0 ? next : DoseSteps.plain(target);
    }

    /** The dose after a cut of {@code pct} %, rounded down to a dose step but never to nothing. */
    static BigDecimal down(ScheduledDrug drug, int pct) {
        BigDecimal target = percentOf(drug.dailyDose(), 100 - pct);
        BigDecimal rounded = drug.isBuprenorphinePatch() ? DoseSteps.buprenorphinePatchAtMost(target)
                : DoseSteps.floor(target, DoseSteps.dailyStep(drug.code(), drug.route()));
        return rounded.signum() > 0 ? rounded : DoseSteps.plain(target);
    }

    /**
     * The cut from {@code from} to {@code to} as a rationale states it: the percentage actually proposed, after the
     * dose was rounded to one that can be given, naming the rule's step when rounding moved it (60 → 45 mg/day is
     * "25 % (the 20 % step, rounded down to a dose that can be given)", never "20 %").
     */
    static String cutText(BigDecimal from, BigDecimal to, int pct) {
        int actual = from.subtract(to).multiply(HUNDRED).divide(from, 0, RoundingMode.HALF_UP).intValue();
        return actual == pct ? pct + " %"
                : actual + " % (the " + pct + " % step, rounded down to a dose that can be given)";
    }

    static BigDecimal percentOf(BigDecimal value, int pct) {
        return value.multiply(BigDecimal.valueOf(pct)).divide(HUNDRED, 4, RoundingMode.HALF_UP);
    }

    /**
     * The rescue the patient took in the last 24 h, in units of {@code drug}: btp24h episodes, each treated with one
     * rescue dose (the api records episodes, not administrations). Empty without a rescue or a factor.
     */
    static Optional<BigDecimal> rescueUsed24h(ScheduledDrug drug, RegimenFacts regimen, int btp24h) {
        if (btp24h <= 0 || drug.omeddMg() == null || drug.omeddMg().signum() <= 0) {
            return Optional.empty();
        }
        return primaryRescue(regimen).map(rescue -> rescue.singleDoseOmeddMg().multiply(BigDecimal.valueOf(btp24h))
                .multiply(drug.dailyDose()).divide(drug.omeddMg(), 4, RoundingMode.HALF_UP));
    }

    static Optional<RescueDose> primaryRescue(RegimenFacts regimen) {
        return regimen.rescues().stream()
                .filter(r -> r.singleDoseOmeddMg() != null && r.singleDoseOmeddMg().signum() > 0)
                .filter(r -> !r.isTransmucosalFentanyl())
                .findFirst();
    }

    /** Hours the formulation needs between two scheduled-dose changes (policy minHoursBetweenTitrations). */
    static int minHoursBetweenChanges(ScheduledDrug drug, LadderPolicy policy) {
        return minHoursBetweenChanges(drug.code(), drug.route(), policy);
    }

    static int minHoursBetweenChanges(String code, String route, LadderPolicy policy) {
        if ("TRANSDERMAL".equals(route)) {
            return policy.minHoursBetweenTitrations().transdermalFentanylHours();
        }
        if ("METHADONE".equals(code)) {
            return policy.minHoursBetweenTitrations().methadoneHours();
        }
        return policy.minHoursBetweenTitrations().oralHours();
    }

    /** Hours since the latest change of a scheduled opioid dose, or empty when the regimen never recorded one. */
    static Optional<Long> hoursSinceLastChange(RegimenFacts regimen, Instant now) {
        Instant last = regimen.lastScheduledOpioidChangeAt() != null ? regimen.lastScheduledOpioidChangeAt()
                : regimen.effectiveAt();
        return Optional.ofNullable(last).map(at -> Duration.between(at, now).toMinutes() / 60);
    }

    static boolean intervalElapsed(ScheduledDrug drug, RegimenFacts regimen, LadderPolicy policy, Instant now) {
        Instant last = regimen.lastScheduledOpioidChangeAt() != null ? regimen.lastScheduledOpioidChangeAt()
                : regimen.effectiveAt();
        return last == null || !now.isBefore(last.plus(Duration.ofHours(minHoursBetweenChanges(drug, policy))));
    }
}
