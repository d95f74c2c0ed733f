package org.painladder.domain.patient;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One move of the patient's ladder step, up or down, with what caused it and who.
 *
 * @param recommendationId the accepted recommendation, or null for a regimen change
 * @param actor            the clinician who accepted, or who changed the regimen
 * @param recordedBy       the signed-in user who sent the change: the actor, or the EHR's account recording a
 *                         prescriber's regimen; null for transitions stored before it was kept
 */
public record LadderTransition(int fromStep, int toStep, Instant at, TransitionCause cause, UUID recommendationId,
                               String actor, String recordedBy) {

    public LadderTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
        if (fromStep == toStep) {
            throw new IllegalArgumentException("a transition changes the step, got " + fromStep + " → " + toStep);
        }
    }
}
