package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;

/**
 * STD-01's "cause-directed treatment completed" arm (clinical-rules §6.4, §8.10): after a procedure recorded as done
 * (a coeliac plexus neurolysis, radiotherapy), every background score since it is mild or none, on at least two
 * scores minSpacingHours apart, with at most 2 breakthrough episodes a day: the pain the opioid was titrated against
 * is gone, and the same dose now risks toxicity. Taper the scheduled systemic opioid by stepDownReductionPct, at most
 * once every 3 days. It does not wait for stepDownStableDays: once the pain drive falls, an unchanged opioid dose
 * sedates (Fast Fact #96, coeliac plexus block; ESMO 2018).
 */
final class CauseDirectedStepDown {

    private static final Duration STEP_DOWN_INTERVAL = Duration.ofDays(3);
    private static final int MAX_STABLE_BREAKTHROUGH = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CauseDirectedStepDown() {
    }

    static Optional<ProposedRecommendation> evaluate(ClinicalPicture picture, int step) {
        Optional<CompletedProcedure> procedure = picture.snapshot().procedures().stream()
                .filter(done -> !done.performedAt().isAfter(picture.now())
                        && !done.performedAt().isBefore(picture.now().minus(CompletedProcedure.LOOK_BACK)))
                .max(Comparator.comparing(CompletedProcedure::performedAt));
        Optional<ScheduledDrug> opioid = step == 3 ? PrimaryOpioid.strong(picture.regimen())
                : step == 2 ? PrimaryOpioid.weak(picture.regimen()) : Optional.empty();
        if (procedure.isEmpty() || opioid.isEmpty()) {
            return Optional.empty();
        }
        LadderPolicy policy = picture.policy();
        Instant since = procedure.get().performedAt();
        List<PainAssessment> after = picture.backgroundSince(since).stream()
                .filter(a -> a.recordedAt().isAfter(since)).toList();
        boolean enough = after.size() >= 2 && !after.get(after.size() - 1).recordedAt()
                .isBefore(after.get(0).recordedAt().plus(Duration.ofHours(policy.minSpacingHours())));
        boolean allMild = after.stream().allMatch(a -> picture.band(a).compareTo(PainBand.MILD) <= 0);
        boolean fewFlares = picture.window().stream().filter(a -> a.recordedAt().isAfter(since))
                .allMatch(a -> a.breakthroughEpisodesOrZero() <= MAX_STABLE_BREAKTHROUGH);
        boolean spaced = Optional.ofNullable(picture.regimen().lastScheduledOpioidChangeAt())
                .map(at -> !at.isAfter(picture.now().minus(STEP_DOWN_INTERVAL))).orElse(true);
        if (!enough || !allMild || !fewFlares || !spaced) {
            return Optional.empty();
        }
        ScheduledDrug drug = opioid.get();
        BigDecimal to = Titration.down(drug, policy.stepDownReductionPct());
        String done = procedure.get().type().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Optional.of(Advice.of(RuleId.STD_01, picture)
                .because("Cause-directed treatment completed: " + done + " on " + DAY.format(since)
                        + (procedure.get().outcome() == null ? "" : " (" + procedure.get().outcome() + ")")
                        + ", and every background score since is mild or none (" + LadderMoveRules.scores(after)
                        + "/10). The pain the opioid was titrated against has fallen, so the same dose now risks "
                        + "sedation and slow breathing: reduce " + Advice.drugName(drug.code()) + " by "
                        + Titration.cutText(drug.dailyDose(), to, policy.stepDownReductionPct()) + " from "
                        + Advice.daily(drug.dailyDose(), drug.unit())
                        + " to " + Advice.daily(to, drug.unit()) + ", no more often than every 3 days, never "
                        + "stopping abruptly, and reassess pain and sedation within 24 h.")
                .read(after)
                .threshold("stepDownReductionPct", policy.stepDownReductionPct())
                .threshold("bandMildMax", policy.bandEdges().mildMax())
                .threshold("minSpacingHours", policy.minSpacingHours())
                .fact("causeDirectedTreatment", procedure.get().type())
                .fact("performedAt", since.toString())
                .propose("toStep", step)
                .doseChange("DOWN", drug, to)
                .propose("reductionPct", policy.stepDownReductionPct())
                .build());
    }
}
