package org.painladder.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.painladder.app.ReadingPainStory.PainStory;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.regimen.RecordedRegimen;

/**
 * The patient page's chart as data: what the browser draws and what a test reads back from the page. Times are
 * epoch milliseconds; the ladder-step bands cover the whole window, so a score is always read against its step.
 */
record PainChart(long from, long to, List<Score> scores, List<Day> daily, List<StepBand> steps,
                 List<Event> regimenChanges, List<Event> procedures) {

    record Score(long at, int score, String kind) {
    }

    /** @param at noon UTC of the day, so the point sits in the middle of its day */
    record Day(long at, String date, BigDecimal mean, Integer max, int breakthroughEpisodes) {
    }

    record StepBand(long from, long to, int step) {
    }

    record Event(long at, String label) {
    }

    static PainChart of(PainStory story) {
        long from = story.from().toEpochMilli();
        long to = story.to().toEpochMilli();
        List<Score> scores = story.assessments().stream().map(a -> new Score(a.recordedAt().toEpochMilli(), a.score(),
                a.kind() == AssessmentKind.BREAKTHROUGH ? "breakthrough" : "background")).toList();
        List<Day> daily = story.trend().daily().stream().map(d -> new Day(d.date().atTime(12, 0)
                .toInstant(ZoneOffset.UTC).toEpochMilli(), d.date().toString(), d.mean(), d.max(),
                d.breakthroughEpisodes())).toList();
        List<Event> regimenChanges = story.regimens().stream()
                .filter(r -> inWindow(r.effectiveAt(), story))
                .sorted(Comparator.comparing(RecordedRegimen::effectiveAt))
                .map(r -> new Event(r.effectiveAt().toEpochMilli(), regimenLabel(r))).toList();
        List<Event> procedures = story.procedures().stream().filter(p -> inWindow(p.performedAt(), story))
                .map(p -> new Event(p.performedAt().toEpochMilli(), DashboardWords.words(p.type()))).toList();
        return new PainChart(from, to, scores, daily, stepBands(story.transitions(), story.patient().state()
                .ladderStep(), story.from(), story.to()), regimenChanges, procedures);
    }

    /** The step in force over the window: before the first move in it, the step that move left. */
    static List<StepBand> stepBands(List<LadderTransition> transitions, int stepNow, Instant from, Instant to) {
        List<LadderTransition> inWindow = transitions.stream().filter(t -> t.at().isAfter(from) && !t.at().isAfter(to))
                .toList();
        List<StepBand> bands = new ArrayList<>();
        Instant start = from;
        int step = inWindow.isEmpty() ? stepNow : inWindow.get(0).fromStep();
        for (LadderTransition move : inWindow) {
            bands.add(new StepBand(start.toEpochMilli(), move.at().toEpochMilli(), step));
            start = move.at();
            step = move.toStep();
        }
        bands.add(new StepBand(start.toEpochMilli(), to.toEpochMilli(), step));
        return bands;
    }

    private static boolean inWindow(Instant at, PainStory story) {
        return !at.isBefore(story.from()) && !at.isAfter(story.to());
    }

    private static String regimenLabel(RecordedRegimen regimen) {
        return "Regimen v" + regimen.version() + " (OMEDD " + regimen.evaluation().omedd().scheduledMg().stripTrailingZeros()
                .toPlainString() + " mg/d)";
    }
}
