package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a patient is opioid-tolerant (clinical-rules §1.10, FDA/NCCN): for at least a week, at least 60 mg/d oral
 * morphine, 25 mcg/h transdermal fentanyl, 30 mg/d oral oxycodone, 8 mg/d oral hydromorphone, 25 mg/d oral
 * oxymorphone, or an equianalgesic dose of another opioid (OMEDD >= 60). Only tolerant patients may start a fentanyl
 * patch. Judged from the regimens recorded for the week before, scheduled lines only.
 */
public record OpioidTolerance(boolean tolerant, String basis) {

    public static final BigDecimal MIN_OMEDD_MG = new BigDecimal("60");
    public static final Duration MIN_DURATION = Duration.ofDays(7);

    /** The label's per-drug thresholds, which do not all match 60 mg/d OMEDD under the CDC factors. */
    private static final Map<String, Map<Route, BigDecimal>> DRUG_THRESHOLDS = Map.of(
            "FENTANYL", Map.of(Route.TRANSDERMAL, new BigDecimal("25")),
            "OXYCODONE", Map.of(Route.ORAL, new BigDecimal("30")),
            "HYDROMORPHONE", Map.of(Route.ORAL, new BigDecimal("8")),
            "OXYMORPHONE", Map.of(Route.ORAL, new BigDecimal("25")));

    /** Used where no history is known: the safe assumption is that the patient is opioid-naive. */
    public static OpioidTolerance unknown() {
        return new OpioidTolerance(false, "no regimen on record for the week before");
    }

    /**
     * @param at      the moment the new regimen takes effect
     * @param history earlier regimens, in any order; those at or after {@code at} are ignored
     */
    public static OpioidTolerance assess(Instant at, List<DatedRegimen> history, Formulary formulary) {
        Instant weekBefore = at.minus(MIN_DURATION);
        Optional<DatedRegimen> inForceAWeekBefore = history.stream()
                .filter(dated -> !dated.effectiveAt().isAfter(weekBefore))
                .max(Comparator.comparing(DatedRegimen::effectiveAt));
        if (inForceAWeekBefore.isEmpty()) {
            return unknown();
        }
        List<DatedRegimen> week = history.stream()
                .filter(dated -> dated.effectiveAt().isAfter(weekBefore) && dated.effectiveAt().isBefore(at))
                .toList();
        BigDecimal lowest = Omedd.of(inForceAWeekBefore.get().regimen(), formulary).scheduledMg();
        for (DatedRegimen dated : week) {
            lowest = lowest.min(Omedd.of(dated.regimen(), formulary).scheduledMg());
        }
        boolean tolerant = doseHeldSince(history.stream().filter(dated -> dated.effectiveAt().isBefore(at)).toList(),
                formulary).filter(since -> !since.isAfter(weekBefore)).isPresent();
        return new OpioidTolerance(tolerant, (tolerant ? "opioid-tolerant" : "not opioid-tolerant")
                + ": lowest scheduled OMEDD in the 7 days before was " + Amounts.plain(lowest) + " mg/d (needs >= "
                + Amounts.plain(MIN_OMEDD_MG) + " mg/d or a label threshold for a week)");
    }

    /**
     * Since when the regimens, up to the latest, have given a tolerance dose without a break: where the week of §1.10
     * starts. Empty when the latest gives less (or there is none).
     *
     * @param history regimens in force, in any order
     */
    public static Optional<Instant> doseHeldSince(List<DatedRegimen> history, Formulary formulary) {
        List<DatedRegimen> newestFirst = history.stream()
                .sorted(Comparator.comparing(DatedRegimen::effectiveAt).reversed()).toList();
        Instant since = null;
        for (DatedRegimen dated : newestFirst) {
            if (!meetsToleranceDose(dated.regimen(), formulary)) {
                break;
            }
            since = dated.effectiveAt();
        }
        return Optional.ofNullable(since);
    }

    private static boolean meetsToleranceDose(Regimen regimen, Formulary formulary) {
        if (Omedd.of(regimen, formulary).scheduledMg().compareTo(MIN_OMEDD_MG) >= 0) {
            return true;
        }
        return regimen.items().stream().filter(RegimenItem::scheduled).anyMatch(item -> {
            BigDecimal threshold = DRUG_THRESHOLDS.getOrDefault(item.drug().code(), Map.of()).get(item.route());
            return threshold != null && totalDaily(regimen, item).compareTo(threshold) >= 0;
        });
    }

    private static BigDecimal totalDaily(Regimen regimen, RegimenItem like) {
        return regimen.items().stream()
                .filter(item -> item.scheduled() && item.drug().equals(like.drug()) && item.route() == like.route())
                .map(RegimenItem::dailyDose).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
