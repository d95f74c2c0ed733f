package org.painladder.domain.pain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the patient's pain is controlled now (clinical-rules §6.1): CONTROLLED when the latest background score
 * is mild or none and there are at most 3 breakthrough episodes a day; UNCONTROLLED when the latest background
 * score is moderate or worse or there are more than 3 episodes; UNKNOWN when no background score is recent enough.
 */
public enum PainControl {
    CONTROLLED, UNCONTROLLED, UNKNOWN;

    /** More than this many breakthrough episodes a day means pain is not controlled (NCCN; CRPC "321"). */
    public static final int MAX_CONTROLLED_BREAKTHROUGH_EPISODES = 3;

    /**
     * @param latestBackgroundScore score of the newest background assessment by recordedAt, or null if none
     * @param latestBackgroundAt    when it was recorded, or null
     * @param latestBreakthroughEpisodes24h the episodes reported on the newest assessment of any kind, or null
     */
    public static PainControl of(Integer latestBackgroundScore, Instant latestBackgroundAt,
                                 Integer latestBreakthroughEpisodes24h, Instant now, Duration staleness,
                                 BandEdges edges) {
        if (latestBackgroundScore == null || latestBackgroundAt == null
                || latestBackgroundAt.isBefore(now.minus(staleness))) {
            return UNKNOWN;
        }
        int episodes = latestBreakthroughEpisodes24h == null ? 0 : latestBreakthroughEpisodes24h;
        boolean mildOrNone = latestBackgroundScore <= edges.mildMax();
        return mildOrNone && episodes <= MAX_CONTROLLED_BREAKTHROUGH_EPISODES ? CONTROLLED : UNCONTROLLED;
    }
}
