package org.painladder.domain.ladder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One unbroken stretch of a strong opioid on the regimen since step 3 began, as the regimen history shows it: when it
 * was started, when it was stopped (null while it is still given) and when its daily dose was raised. REF-01 reads
 * these to tell an adequate trial from a switch not yet titrated (Currow 2012: name the drug, the dose and the
 * duration).
 *
 * @param route the route it was last given by (a route change of the same drug continues the trial)
 */
public record OpioidTrial(String drug, String route, Instant startedAt, Instant stoppedAt, List<Instant> raisedAt) {

    public OpioidTrial {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(startedAt, "startedAt");
        raisedAt = raisedAt == null ? List.of() : raisedAt.stream().sorted().toList();
    }
}
