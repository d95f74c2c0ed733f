package org.painladder.domain.pain;

/** Intensity bands on the normalised 0–10 score (NCCN; ESMO 2018). Edges come from {@link BandEdges}. */
public enum PainBand {
    NONE, MILD, MODERATE, SEVERE;

    public static PainBand forScore(int score, BandEdges edges) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score must be 0-10, got " + score);
        }
        if (score == 0) {
            return NONE;
        }
        if (score <= edges.mildMax()) {
            return MILD;
        }
        return score <= edges.moderateMax() ? MODERATE : SEVERE;
    }

    public boolean atLeast(PainBand other) {
        return compareTo(other) >= 0;
    }
}
