package org.painladder.domain.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient as stored: the EHR's profile, the live state, and the version used for optimistic concurrency.
 *
 * @param statusSince when the profile's status last changed (registration for a status never changed)
 */
public record Patient(UUID id, PatientProfile profile, LiveState state, Instant createdAt, Instant updatedAt,
                      Instant statusSince, long version) {
}
