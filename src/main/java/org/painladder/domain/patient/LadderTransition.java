package org.painladder.domain.patient;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One move of the patient's ladder step, up or down, with what caused it and who.
 *
 * @param recommendationId the accepted recommendation, or null for a regimen change
 * @param actor            the clinician who accepted, or who changed the regimen
 */
public record LadderTransition(int fromStep, int toStep, Instant at, TransitionCause cause, UUID recommendationId,
                               String actor) {

    public LadderTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
        if (fromStep == toStep) {
            throw new IllegalArgumentException("a transition changes the step, got " + fromStep + " → " + toStep);
        }
    }
}
