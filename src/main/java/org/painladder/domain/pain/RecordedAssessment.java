package org.painladder.domain.pain;

import java.time.Instant;
import java.util.UUID;

/**
 * A pain assessment as stored for a patient, with where it came from, the decision taken when it arrived, and any
 * correction the sender made since.
 *
 * @param contentHash fingerprint of the normalised content, to tell an EHR retry from a conflicting reuse of
 *                    its externalId
 * @param amendment   the correction of its value, null when it stands as first sent
 * @param retraction  its retraction as entered in error, null while it stands
 */
public record RecordedAssessment(UUID patientId, String externalId, PainAssessment assessment,
                                 AssessmentSource source, Instant receivedAt, String contentHash,
                                 Evaluation evaluation, Amendment amendment, Retraction retraction) {

    public RecordedAssessment(UUID patientId, String externalId, PainAssessment assessment, AssessmentSource source,
                              Instant receivedAt, String contentHash, Evaluation evaluation) {
        this(patientId, externalId, assessment, source, receivedAt, contentHash, evaluation, null, null);
    }

    /** The decision the rules took on this fact when it arrived (api.md, {@code evaluation}). */
    public record Evaluation(int ladderStep, PainControl painControl, UUID refractoryCaseId) {
    }

    /** How the sender called the correction (FHIR R4 Observation.status): corrected is a kind of amended. */
    public enum AmendedAs {
        AMENDED, CORRECTED
    }

    /**
     * The sender replaced the value (or its time): the assessment now holds the new one; what was first sent is kept
     * here for the audit trail. Later amendments keep the first original.
     */
    public record Amendment(AmendedAs as, Instant at, String by, String originalRawValue, int originalScore,
                            Instant originalRecordedAt) {
    }

    /** The sender said the score was entered in error: it is kept, but no longer counts anywhere. */
    public record Retraction(Instant at, String by) {
    }

    public boolean isRetracted() {
        return retraction != null;
    }
}
