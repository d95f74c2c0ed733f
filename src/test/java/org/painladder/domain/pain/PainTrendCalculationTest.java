package org.painladder.domain.pain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.painladder.domain.pain.PainFixtures.NOW;
import static org.painladder.domain.pain.PainFixtures.background;
import static org.painladder.domain.pain.PainFixtures.breakthrough;
import static org.painladder.domain.pain.PainFixtures.hoursBefore;
import static org.painladder.domain.pain.PainFixtures.withEpisodes;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PainTrendCalculationTest {

    @Test
    void meanMaxLatestAndSlopeAreOverBackgroundScoresOnly() {
        PainTrend trend = PainTrend.of(List.of(
                background(8, hoursBefore(48)), background(6, hoursBefore(24)), breakthrough(9, hoursBefore(12)),
                background(4, hoursBefore(0))), 7, NOW, BandEdges.DEFAULT);
        assertEquals(3, trend.count());
        assertEquals(new BigDecimal("6.00"), trend.mean());
        assertEquals(8, trend.max());
        assertEquals(4, trend.latest());
        assertEquals(new BigDecimal("-2.00"), trend.slopePerDay());
        assertEquals(new BigDecimal("0.00"), trend.controlledFraction());
    }

    @Test
    void dailyBucketsAreUtcDaysWithTheLargestBreakthroughCount() {
        PainTrend trend = PainTrend.of(List.of(
                withEpisodes(background(5, hoursBefore(2)), 2), withEpisodes(background(3, hoursBefore(1)), 4)),
                1, NOW, BandEdges.DEFAULT);
        assertEquals(1, trend.daily().size());
        assertEquals(4, trend.daily().get(0).breakthroughEpisodes());
        assertEquals(new BigDecimal("4.00"), trend.daily().get(0).mean());
        assertEquals(new BigDecimal("0.50"), trend.controlledFraction());
    }

    @Test
    void breakthroughAssessmentsRecordedThatDayAreEpisodesOfThatDay() {
        // Ten flares charted one by one over two days, no 24-hour count given: five a day, not none.
        List<PainAssessment> flares = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flares.add(withoutEpisodeCount(breakthrough(8, hoursBefore(30 + i))));
            flares.add(withoutEpisodeCount(breakthrough(7, hoursBefore(1 + i))));
        }
        PainTrend trend = PainTrend.of(flares, 7, NOW, BandEdges.DEFAULT);
        assertEquals(List.of(5, 5), trend.daily().stream().map(PainTrend.Day::breakthroughEpisodes).toList());
    }

    @Test
    void aDayCountsTheLargerOfItsChartedFlaresAndItsReportedCountNeverTheirSum() {
        // The 24-hour count a patient reports covers the flares the nurse charted, so adding them counts twice.
        List<PainAssessment> moreCharted = new java.util.ArrayList<>();
        moreCharted.add(withEpisodes(background(4, hoursBefore(6)), 3));
        for (int i = 0; i < 5; i++) {
            moreCharted.add(withoutEpisodeCount(breakthrough(8, hoursBefore(1 + i))));
        }
        assertEquals(5, PainTrend.of(moreCharted, 1, NOW, BandEdges.DEFAULT).daily().get(0).breakthroughEpisodes());

        PainTrend moreReported = PainTrend.of(List.of(withEpisodes(background(4, hoursBefore(6)), 4),
                withoutEpisodeCount(breakthrough(8, hoursBefore(2)))), 1, NOW, BandEdges.DEFAULT);
        assertEquals(4, moreReported.daily().get(0).breakthroughEpisodes());
    }

    @Test
    void aDayWithoutFlaresOrCountsHasNoEpisodes() {
        PainTrend trend = PainTrend.of(List.of(withoutEpisodeCount(background(3, hoursBefore(2)))), 1, NOW,
                BandEdges.DEFAULT);
        assertEquals(0, trend.daily().get(0).breakthroughEpisodes());
    }

    private static PainAssessment withoutEpisodeCount(PainAssessment a) {
        return new PainAssessment(a.id(), a.recordedAt(), a.scale(), a.rawValue(), a.score(), a.kind(), a.site(),
                a.mechanism(), a.course(), a.acuteCause(), null, a.adverseEffects(), a.breakthroughType(),
                a.redFlags());
    }

    @Test
    void scoresOutsideTheWindowAreLeftOut() {
        PainTrend trend = PainTrend.of(List.of(background(9, hoursBefore(50)), background(2, hoursBefore(1))),
                2, NOW, BandEdges.DEFAULT);
        assertEquals(1, trend.count());
        assertNull(trend.slopePerDay());
    }

    @Test
    void scoresWithinLessThanADayHaveNoSlopePerDay() {
        // Eight scores over two hours, falling from 9 to 2, would read about -90 a day by least squares.
        List<PainAssessment> hours = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hours.add(background(9 - i, NOW.minus(java.time.Duration.ofMinutes(120 - 15 * i))));
        }
        assertNull(PainTrend.of(hours, 30, NOW, BandEdges.DEFAULT).slopePerDay());

        PainTrend dayApart = PainTrend.of(List.of(background(8, hoursBefore(24)), background(6, hoursBefore(0))),
                30, NOW, BandEdges.DEFAULT);
        assertEquals(new BigDecimal("-2.00"), dayApart.slopePerDay());
    }
}
