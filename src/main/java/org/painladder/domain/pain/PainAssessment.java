package org.painladder.domain.pain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One pain assessment as the rules see it: the normalised score with its context. The raw value and scale stay
 * with it so a clinician can see what was actually recorded.
 */
public record PainAssessment(
        UUID id,
        Instant recordedAt,
        PainScale scale,
        String rawValue,
        int score,
        AssessmentKind kind,
        PainSite site,
        PainMechanism mechanism,
        PainCourse course,
        AcuteCause acuteCause,
        Integer breakthroughEpisodes24h,
        List<AdverseEffect> adverseEffects,
        BreakthroughType breakthroughType,
        Set<RedFlag> redFlags) {

    public PainAssessment {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(kind, "kind");
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score must be 0-10, got " + score);
        }
        course = course == null ? PainCourse.CHRONIC : course;
        mechanism = mechanism == null ? PainMechanism.UNKNOWN : mechanism;
        adverseEffects = adverseEffects == null ? List.of() : List.copyOf(adverseEffects);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
    }

    /**
     * Background pain as clinical-rules §6.1 defines it: a BACKGROUND assessment of chronic pain, or of acute pain
     * with no treatable cause. Breakthrough flares and cause-driven acute pain do not describe the baseline.
     */
    public boolean isBackground() {
        return kind == AssessmentKind.BACKGROUND && (course == PainCourse.CHRONIC || acuteCause == null);
    }

    public PainBand band(BandEdges edges) {
        return PainBand.forScore(score, edges);
    }

    public int breakthroughEpisodesOrZero() {
        return breakthroughEpisodes24h == null ? 0 : breakthroughEpisodes24h;
    }
}
