package org.painladder.domain.pain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.domain.pain.PainFixtures.NOW;
import static org.painladder.domain.pain.PainFixtures.background;
import static org.painladder.domain.pain.PainFixtures.breakthrough;
import static org.painladder.domain.pain.PainFixtures.hoursBefore;
import static org.painladder.domain.pain.PainFixtures.infected;
import static org.painladder.domain.pain.PainFixtures.withEpisodes;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.LiveState;

class LiveStateTest {

    private static final Duration STALENESS = Duration.ofHours(72);

    private static LiveState after(LiveState state, PainAssessment assessment) {
        return state.afterAssessment(assessment, NOW, STALENESS, BandEdges.DEFAULT);
    }

    @Test
    void newestScoreByRecordedAtBecomesTheLatest() {
        LiveState state = after(LiveState.initial(), background(7, hoursBefore(5)));
        state = after(state, background(2, hoursBefore(1)));
        assertEquals(2, state.latestScore());
        assertEquals(hoursBefore(1), state.latestAssessedAt());
        assertEquals(PainControl.CONTROLLED, state.painControl());
    }

    @Test
    void aLateFeedOfAnOlderScoreDoesNotReplaceTheLatest() {
        LiveState state = after(LiveState.initial(), background(2, hoursBefore(1)));
        state = after(state, background(9, hoursBefore(20)));
        assertEquals(2, state.latestScore());
        assertEquals(PainControl.CONTROLLED, state.painControl());
    }

    @Test
    void aBreakthroughFlareIsTheLatestScoreButNotTheBackground() {
        LiveState state = after(LiveState.initial(), background(3, hoursBefore(4)));
        state = after(state, breakthrough(8, hoursBefore(1)));
        assertEquals(8, state.latestScore());
        assertEquals(3, state.latestBackgroundScore());
        assertEquals(PainControl.CONTROLLED, state.painControl());
    }

    @Test
    void breakthroughEpisodesComeFromTheNewestAssessment() {
        LiveState state = after(LiveState.initial(), withEpisodes(background(2, hoursBefore(1)), 5));
        assertEquals(PainControl.UNCONTROLLED, state.painControl());
        state = after(state, withEpisodes(background(2, hoursBefore(30)), 0));
        assertEquals(PainControl.UNCONTROLLED, state.painControl());
    }

    @Test
    void infectionDrivenAcutePainIsNotBackgroundPain() {
        LiveState state = after(LiveState.initial(), infected(8, hoursBefore(1)));
        assertEquals(8, state.latestScore());
        assertEquals(null, state.latestBackgroundScore());
        assertEquals(PainControl.UNKNOWN, state.painControl());
    }
}
