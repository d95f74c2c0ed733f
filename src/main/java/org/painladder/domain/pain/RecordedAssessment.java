package org.painladder.domain.pain;

import java.time.Instant;
import java.util.UUID;

/**
 * A pain assessment as stored for a patient, with where it came from and the decision taken when it arrived.
 *
 * @param contentHash fingerprint of the normalised content, to tell an EHR retry from a conflicting reuse of
 *                    its externalId
 */
public record RecordedAssessment(UUID patientId, String externalId, PainAssessment assessment,
                                 AssessmentSource source, Instant receivedAt, String contentHash,
                                 Evaluation evaluation) {

    /** The decision the rules took on this fact when it arrived (api.md, {@code evaluation}). */
    public record Evaluation(int ladderStep, PainControl painControl, UUID refractoryCaseId) {
    }
}
