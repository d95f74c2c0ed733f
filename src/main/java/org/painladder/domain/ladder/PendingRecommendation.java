package org.painladder.domain.ladder;

import java.util.UUID;

/**
 * A recommendation still waiting for a clinician, as the engine needs it to avoid repeats and to supersede.
 *
 * @param fingerprint    {@link ProposedRecommendation#fingerprint()} of the advice when it was made
 * @param regimenVersion the regimen version current when it was made
 */
public record PendingRecommendation(UUID id, RecommendationType type, RuleId ruleId, String fingerprint,
                                    long regimenVersion) {
}
