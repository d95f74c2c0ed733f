package org.painladder.domain.pain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pain course over the last {@code days} days, on background scores (clinical-rules §6.1): breakthrough flares
 * and cause-driven acute pain would hide whether the baseline is improving. A day's breakthrough episodes are the
 * flares charted that day (BREAKTHROUGH assessments) or the largest 24-hour count reported that day, whichever is
 * more: a reported count already covers the flares charted in its 24 hours, so adding the two would count them twice.
 *
 * @param controlledFraction share of background scores in the window that were mild or none
 * @param slopePerDay        least-squares change in score per day; null with fewer than two scores or when
 *                           they span less than a day
 */
public record PainTrend(int days, int count, BigDecimal mean, Integer max, Integer latest,
                        BigDecimal controlledFraction, BigDecimal slopePerDay, List<Day> daily) {

    public record Day(LocalDate date, BigDecimal mean, Integer max, int breakthroughEpisodes) {
    }

    private static final double SECONDS_PER_DAY = 86_400d;
    private static final Duration DAY = Duration.ofDays(1);

    /** Days are UTC calendar days, so every EHR sees the same buckets whatever its time zone. */
    public static PainTrend of(List<PainAssessment> assessments, int days, Instant now, BandEdges edges) {
        Instant from = now.minusSeconds((long) days * 86_400L);
        List<PainAssessment> window = assessments.stream()
                .filter(a -> !a.recordedAt().isBefore(from) && !a.recordedAt().isAfter(now))
                .sorted(Comparator.comparing(PainAssessment::recordedAt))
                .toList();
        List<PainAssessment> background = window.stream().filter(PainAssessment::isBackground).toList();

        Map<LocalDate, List<PainAssessment>> byDay = new TreeMap<>();
        for (PainAssessment a : window) {
            byDay.computeIfAbsent(a.recordedAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(a);
        }
        List<Day> daily = new ArrayList<>();
        byDay.forEach((date, ofDay) -> {
            List<Integer> scores = ofDay.stream().filter(PainAssessment::isBackground).map(PainAssessment::score).toList();
            int charted = (int) ofDay.stream().filter(a -> a.kind() == AssessmentKind.BREAKTHROUGH).count();
            int reported = ofDay.stream().mapToInt(PainAssessment::breakthroughEpisodesOrZero).max().orElse(0);
            int episodes = Math.max(charted, reported);
            daily.add(new Day(date, mean(scores), scores.stream().max(Integer::compare).orElse(null), episodes));
        });

        List<Integer> scores = background.stream().map(PainAssessment::score).toList();
        long controlled = scores.stream().filter(s -> s <= edges.mildMax()).count();
        return new PainTrend(
                days,
                scores.size(),
                mean(scores),
                scores.stream().max(Integer::compare).orElse(null),
                background.isEmpty() ? null : background.get(background.size() - 1).score(),
                scores.isEmpty() ? null : ratio(controlled, scores.size()),
                slopePerDay(background),
                List.copyOf(daily));
    }

    private static BigDecimal mean(List<Integer> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        return ratio(scores.stream().mapToLong(Integer::longValue).sum(), scores.size());
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal slopePerDay(List<PainAssessment> background) {
        if (background.size() < 2) {
            return null;
        }
        Instant origin = background.get(0).recordedAt();
        if (Duration.between(origin, background.get(background.size() - 1).recordedAt()).compareTo(DAY) < 0) {
            // A rate per day from scores hours apart extrapolates their noise: 9 then 3 an hour apart reads -144.
            return null;
        }
        double n = background.size();
        double sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
        for (PainAssessment a : background) {
            double x = (a.recordedAt().getEpochSecond() - origin.getEpochSecond()) / SECONDS_PER_DAY;
            double y = a.score();
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumXY += x * y;
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf((n * sumXY - sumX * sumY) / denominator).setScale(2, RoundingMode.HALF_UP);
    }
}
