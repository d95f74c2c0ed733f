package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.persistence.LiveStates;
import org.painladder.persistence.ReplicaReads;

/** Cohort statistics from the live-state columns; a CONTROLLED state on a stale score does not count as controlled. */
@ApplicationScoped
public class ReadingCohortStats {

    private final ReplicaReads replicaReads;
    private final Clock clock;
    private final RulesConfig rules;

    ReadingCohortStats(ReplicaReads replicaReads, Clock clock, RulesConfig rules) {
        this.replicaReads = replicaReads;
        this.clock = clock;
        this.rules = rules;
    }

    /** Read from the read replica when one is configured (ReplicaReads): the statistics tolerate its lag. */
    @Transactional
    public CohortStats stats() {
        Instant freshSince = clock.instant().minus(rules.staleness());
        LiveStates.Census census = replicaReads.read(readers -> readers.liveStates().census(freshSince));
        return CohortStats.of(census.activeByStep(), census.activeControlled(), census.activeRefractory(),
                census.refractoryAnyStatus());
    }
}
