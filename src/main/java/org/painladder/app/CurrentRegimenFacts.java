package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.ladder.OpioidTrial;
import org.painladder.domain.ladder.RegimenFacts;
import org.painladder.domain.ladder.RescueDose;
import org.painladder.domain.ladder.ScheduledDrug;
import org.painladder.domain.regimen.AdjuvantRole;
import org.painladder.domain.regimen.Contribution;
import org.painladder.domain.regimen.DatedRegimen;
import org.painladder.domain.regimen.DrugClass;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.MmeFactor;
import org.painladder.domain.regimen.OpioidTolerance;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.persistence.Regimens;

/**
 * What the ladder rules need to know about a patient's current regimen, read from the regimen and the stretch of
 * history the rules look back over: when a scheduled opioid dose last changed (titration intervals), since when the
 * patient is on step 3 and which strong opioids were tried since (rotation, refractoriness).
 */
@ApplicationScoped
public class CurrentRegimenFacts {

    /**
     * How far back the regimen history is read: beyond the longest look-back of any rule (28 days on step 3 for
     * refractoriness), so that the step-3 stretch and the opioids tried in it are seen whole.
     */
    static final Duration LOOK_BACK = Duration.ofDays(90);

    private final Regimens regimens;
    private final Formulary formulary;

    CurrentRegimenFacts(Regimens regimens, Formulary formulary) {
        this.regimens = regimens;
        this.formulary = formulary;
    }

    /** The facts of the regimen in force, or {@link RegimenFacts#none()} for a patient without one. */
    public RegimenFacts of(UUID patientId, Instant now) {
        return of(regimens.recordedInForceSince(patientId, lookBackFrom(now)));
    }

    /** Where the regimen history the rules read begins. */
    static Instant lookBackFrom(Instant now) {
        return now.minus(LOOK_BACK);
    }

    /** The facts of a stretch of regimens read already, as {@link Regimens#recordedInForceSince} gives it. */
    public RegimenFacts of(List<RecordedRegimen> stretch) {
        return stretch.stream().max(Comparator.comparingLong(RecordedRegimen::version))
                .map(current -> from(current, stretch.stream()
                        .map(recorded -> new DatedRegimen(recorded.effectiveAt(), recorded.regimen())).toList(),
                        formulary))
                .orElse(RegimenFacts.none());
    }

    /**
     * @param history the regimens in force over the look-back, oldest first, ending with {@code current}; the first
     *                may have taken effect before the look-back began
     */
    static RegimenFacts from(RecordedRegimen current, List<DatedRegimen> history, Formulary formulary) {
        Regimen regimen = current.regimen();
        List<ScheduledDrug> scheduled = new ArrayList<>();
        List<RescueDose> rescues = new ArrayList<>();
        List<Contribution> contributions = current.evaluation().omedd().contributions();
        for (int index = 0; index < regimen.items().size(); index++) {
            RegimenItem item = regimen.items().get(index);
            BigDecimal omeddMg = omeddOf(contributions, index);
            if (item.scheduled()) {
                scheduled.add(new ScheduledDrug(item.drug().code(), item.drug().drugClass().name(), item.route().name(),
                        item.dailyDose(), item.unit().symbol(), omeddMg, atCeiling(item),
                        !item.outsideOralTitration()));
            } else if (item.isOpioid()) {
                rescues.add(new RescueDose(item.drug().code(), item.route().name(), item.dose(), item.unit().symbol(),
                        formulary.factor(item.drug(), item.route())
                                .map(factor -> singleDoseOmedd(item, factor)).orElse(null)));
            }
        }
        List<DatedRegimen> stretch = history.stream().sorted(Comparator.comparing(DatedRegimen::effectiveAt)).toList();
        Instant step3Since = step3Since(stretch);
        Set<String> strongTried = new LinkedHashSet<>();
        if (step3Since != null) {
            stretch.stream().filter(dated -> !dated.effectiveAt().isBefore(step3Since))
                    .forEach(dated -> strongOpioidCodes(dated.regimen()).forEach(strongTried::add));
        }
        Set<String> scheduledCodes = new LinkedHashSet<>();
        scheduled.forEach(drug -> scheduledCodes.add(drug.code()));
        return new RegimenFacts(current.evaluation().ladderStep(), current.evaluation().omedd().scheduledMg(),
                current.evaluation().omedd().prnMg(), scheduled, rescues, current.version(), current.effectiveAt(),
                lastScheduledOpioidChangeAt(stretch), step3Since, strongTried,
                analgesicAdjuvantScheduled(regimen), scheduledCodes, opioidDoseIncreasesAt(stretch),
                warningCodes(current), OpioidTolerance.doseHeldSince(stretch, formulary).orElse(null),
                strongOpioidTrials(stretch, step3Since));
    }

    /**
     * Each strong opioid's unbroken stretches by one route since step-3 entry: when it was started, stopped (null if
     * still given) and when a regimen raised its daily dose. A new route starts a new stretch (the units differ); the
     * drug's earlier stretch keeps its own trial.
     */
    static List<OpioidTrial> strongOpioidTrials(List<DatedRegimen> stretch, Instant step3Since) {
        if (step3Since == null) {
            return List.of();
        }
        List<OpioidTrial> trials = new ArrayList<>();
        Map<String, OpioidTrial> open = new LinkedHashMap<>();
        Map<String, BigDecimal> doses = new HashMap<>();
        for (DatedRegimen dated : stretch) {
            if (dated.effectiveAt().isBefore(step3Since)) {
                continue;
            }
            Map<String, BigDecimal> given = new LinkedHashMap<>();
            dated.regimen().items().stream()
                    .filter(item -> item.scheduled() && item.drug().drugClass() == DrugClass.STRONG_OPIOID)
                    .forEach(item -> given.merge(item.drug().code() + " " + item.route().name(), item.dailyDose(),
                            BigDecimal::add));
            for (String line : List.copyOf(open.keySet())) {
                if (!given.containsKey(line)) {
                    OpioidTrial stopped = open.remove(line);
                    trials.add(new OpioidTrial(stopped.drug(), stopped.route(), stopped.startedAt(),
                            dated.effectiveAt(), stopped.raisedAt()));
                }
            }
            given.forEach((line, dose) -> {
                OpioidTrial trial = open.get(line);
                String[] drugAndRoute = line.split(" ");
                if (trial == null) {
                    open.put(line, new OpioidTrial(drugAndRoute[0], drugAndRoute[1], dated.effectiveAt(), null,
                            List.of()));
                } else if (dose.compareTo(doses.get(line)) > 0) {
                    List<Instant> raised = new ArrayList<>(trial.raisedAt());
                    raised.add(dated.effectiveAt());
                    open.put(line, new OpioidTrial(trial.drug(), trial.route(), trial.startedAt(), null, raised));
                }
            });
            doses.putAll(given);
        }
        trials.addAll(open.values());
        return trials;
    }

    /**
     * An adjuvant for pain (gabapentinoid, antidepressant, steroid …) is scheduled: a laxative is an adjuvant in the
     * formulary but treats constipation, so it does not satisfy ADJ-01 or REF-01's adjuvant criterion.
     */
    private static boolean analgesicAdjuvantScheduled(Regimen regimen) {
        return regimen.items().stream().anyMatch(item -> item.scheduled()
                && item.drug().drugClass() == DrugClass.ADJUVANT
                && item.drug().adjuvantRole() != AdjuvantRole.OPIOID_INDUCED_CONSTIPATION);
    }

    /** The regimen's warnings as recorded with it: the rules never propose more of what they flag (§8.1). */
    private static Set<String> warningCodes(RecordedRegimen current) {
        Set<String> codes = new LinkedHashSet<>();
        current.evaluation().warnings().forEach(warning -> codes.add(warning.code()));
        return codes;
    }

    private static BigDecimal omeddOf(List<Contribution> contributions, int itemIndex) {
        return contributions.stream().filter(contribution -> contribution.itemIndex() == itemIndex
                        && !contribution.prn() && contribution.factor() != null)
                .map(Contribution::omeddMg).findFirst().orElse(null);
    }

    private static BigDecimal singleDoseOmedd(RegimenItem item, MmeFactor factor) {
        return item.dose().multiply(factor.factorAt(item.dailyDose())).stripTrailingZeros();
    }

    /** Only drugs with a ceiling (non-opioids, weak opioids) can be at it; the unit of those ceilings is mg. */
    private static boolean atCeiling(RegimenItem item) {
        return item.drug().ceilingDailyDoseMg(item.route())
                .map(ceiling -> "mg".equals(item.unit().symbol()) && item.dailyDose().compareTo(ceiling) >= 0)
                .orElse(false);
    }

    /** The start of the latest unbroken run of step-3 regimens that reaches the current one; null off step 3. */
    private static Instant step3Since(List<DatedRegimen> stretch) {
        Instant since = null;
        for (DatedRegimen dated : stretch) {
            if (dated.regimen().ladderStep() == 3) {
                since = since == null ? dated.effectiveAt() : since;
            } else {
                since = null;
            }
        }
        return since;
    }

    /**
     * When the scheduled opioid doses last changed: the first regimen with a scheduled opioid counts as a change, a
     * regimen with the same scheduled opioid lines (drug, route, daily dose) does not (api.md, titration interval).
     */
    private static Instant lastScheduledOpioidChangeAt(List<DatedRegimen> stretch) {
        Instant changedAt = null;
        List<String> previous = List.of();
        for (DatedRegimen dated : stretch) {
            List<String> lines = dated.regimen().items().stream()
                    .filter(item -> item.scheduled() && item.isOpioid())
                    .map(item -> item.drug().code() + " " + item.route() + " " + item.dailyDose().toPlainString())
                    .sorted().toList();
            if (lines.isEmpty()) {
                changedAt = null;
            } else if (!lines.equals(previous)) {
                changedAt = dated.effectiveAt();
            }
            previous = lines;
        }
        return changedAt;
    }

    /**
     * The titration steps ROT-02 counts: regimens that raised the daily dose of a scheduled opioid line (drug and
     * route) the regimen before already gave. A new opioid is a switch, not a titration step.
     */
    private static List<Instant> opioidDoseIncreasesAt(List<DatedRegimen> stretch) {
        List<Instant> increases = new ArrayList<>();
        Map<String, BigDecimal> before = Map.of();
        for (DatedRegimen dated : stretch) {
            Map<String, BigDecimal> doses = new HashMap<>();
            dated.regimen().items().stream().filter(item -> item.scheduled() && item.isOpioid())
                    .forEach(item -> doses.merge(item.drug().code() + " " + item.route(), item.dailyDose(),
                            BigDecimal::add));
            Map<String, BigDecimal> previous = before;
            if (doses.entrySet().stream().anyMatch(line -> previous.containsKey(line.getKey())
                    && line.getValue().compareTo(previous.get(line.getKey())) > 0)) {
                increases.add(dated.effectiveAt());
            }
            before = doses;
        }
        return increases;
    }

    private static List<String> strongOpioidCodes(Regimen regimen) {
        return regimen.items().stream()
                .filter(item -> item.scheduled() && item.drug().drugClass() == DrugClass.STRONG_OPIOID)
                .map(item -> item.drug().code()).filter(Objects::nonNull).distinct().toList();
    }
}
