package org.painladder.domain.regimen;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a patient's regimen as stored: what was prescribed, from when, by whom and why, and what it meant
 * when it was recorded (step, OMEDD with trace, warnings, the factor profile used).
 *
 * @param version     1 for the patient's first regimen, then one more per change
 * @param effectiveAt when the regimen took effect; never before the previous version's
 * @param recordedAt  when the service received it
 * @param changedBy   the prescriber the record names
 * @param recordedBy  the signed-in user who sent it (the prescriber, or the EHR's account for them); null for versions
 *                    stored before it was kept
 */
public record RecordedRegimen(UUID id, UUID patientId, int version, Instant effectiveAt, Instant recordedAt,
                              String changedBy, String recordedBy, String reason, Regimen regimen,
                              RegimenEvaluation evaluation) {
}
