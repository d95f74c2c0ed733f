package org.painladder.domain.ladder;

import java.util.List;
import java.util.UUID;

/**
 * What the engine decided on a new fact: the recommendations to add (PENDING) and the pending ones they supersede.
 */
public record Decision(List<ProposedRecommendation> toAdd, List<UUID> toSupersede) {

    public Decision {
        toAdd = toAdd == null ? List.of() : List.copyOf(toAdd);
        toSupersede = toSupersede == null ? List.of() : List.copyOf(toSupersede);
    }

    public static Decision none() {
        return new Decision(List.of(), List.of());
    }

    public boolean isEmpty() {
        return toAdd.isEmpty() && toSupersede.isEmpty();
    }
}
