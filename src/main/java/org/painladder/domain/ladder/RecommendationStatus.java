package org.painladder.domain.ladder;

/** Life of a recommendation: PENDING until a clinician accepts or rejects it, or a newer ladder move supersedes it. */
public enum RecommendationStatus {
    PENDING, ACCEPTED, REJECTED, SUPERSEDED;

    public boolean isDecided() {
        return this != PENDING;
    }
}
