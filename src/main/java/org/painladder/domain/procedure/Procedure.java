package org.painladder.domain.procedure;

import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.refractory.InterventionType;

/**
 * An intervention done for the patient's pain (clinical-rules §8.10): a coeliac plexus neurolysis, an intrathecal
 * pump, palliative radiotherapy. It feeds STD-01's "cause-directed treatment completed" arm, suggests closing an open
 * refractory case with INTERVENTION_DONE, and shows in the ladder and on the pain trend.
 *
 * @param outcome     free text as the team wrote it ("pain 2/10 at 24 h"), or null
 * @param performedBy who did it, or null
 * @param recordedBy  the caller who recorded it
 */
public record Procedure(UUID id, UUID patientId, InterventionType type, Instant performedAt, String outcome,
                        String performedBy, Instant recordedAt, String recordedBy) {

    public static final int MAX_OUTCOME_LENGTH = 2000;
    public static final int MAX_PERFORMED_BY_LENGTH = 128;
}
