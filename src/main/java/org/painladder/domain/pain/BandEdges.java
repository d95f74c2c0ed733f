package org.painladder.domain.pain;

/**
 * Upper edges of the mild and moderate bands. Default 3 / 6 (NCCN, ESMO 2018); Serlin 1995 puts mild at 1–4,
 * so the mild edge may be 3 or 4 (clinical-rules §6.2).
 */
public record BandEdges(int mildMax, int moderateMax) {
    public static final BandEdges DEFAULT = new BandEdges(3, 6);

    public BandEdges {
        if (mildMax < 3 || mildMax > 4) {
            throw new IllegalArgumentException("bandMildMax must be 3-4, got " + mildMax);
        }
        if (moderateMax != 6) {
            throw new IllegalArgumentException("bandModerateMax must be 6, got " + moderateMax);
        }
    }
}
