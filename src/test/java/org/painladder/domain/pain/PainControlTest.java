package org.painladder.domain.pain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.domain.pain.PainFixtures.NOW;
import static org.painladder.domain.pain.PainFixtures.hoursBefore;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainControlTest {

    private static final Duration STALENESS = Duration.ofHours(72);

    @ParameterizedTest(name = "background {0} with {1} breakthrough episodes is {2}")
    @CsvSource({"0, 0, CONTROLLED", "3, 3, CONTROLLED", "3, 4, UNCONTROLLED", "4, 0, UNCONTROLLED",
            "7, 0, UNCONTROLLED", "2, , CONTROLLED"})
    void controlFollowsTheLatestBackgroundScoreAndBreakthroughCount(int score, Integer episodes, PainControl expected) {
        assertEquals(expected, PainControl.of(score, hoursBefore(1), episodes, NOW, STALENESS, BandEdges.DEFAULT));
    }

    @Test
    void noBackgroundScoreIsUnknown() {
        assertEquals(PainControl.UNKNOWN, PainControl.of(null, null, 5, NOW, STALENESS, BandEdges.DEFAULT));
    }

    @Test
    void aScoreOlderThanTheStalenessWindowIsUnknown() {
        assertEquals(PainControl.CONTROLLED, PainControl.of(2, hoursBefore(72), 0, NOW, STALENESS, BandEdges.DEFAULT));
        assertEquals(PainControl.UNKNOWN, PainControl.of(2, hoursBefore(73), 0, NOW, STALENESS, BandEdges.DEFAULT));
    }

    @Test
    void serlinEdgesCountAFourAsControlled() {
        assertEquals(PainControl.CONTROLLED, PainControl.of(4, hoursBefore(1), 0, NOW, STALENESS, new BandEdges(4, 6)));
    }
}
