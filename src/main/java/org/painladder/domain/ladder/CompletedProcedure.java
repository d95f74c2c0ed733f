package org.painladder.domain.ladder;

import java.time.Duration;
import java.time.Instant;

/**
 * An intervention recorded as done (clinical-rules §8.10), as the rules see it: STD-01's "cause-directed treatment
 * completed" arm reads it.
 *
 * @param type    the intervention enum's name, e.g. CELIAC_PLEXUS_NEUROLYSIS
 * @param outcome free text as recorded, or null
 */
public record CompletedProcedure(String type, Instant performedAt, String outcome) {

    /** How far back the service reads procedures for the rules. */
    public static final Duration LOOK_BACK = Duration.ofDays(28);
}
