package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.persistence.LiveStates;

/** Cohort statistics from the live-state columns; a CONTROLLED state on a stale score does not count as controlled. */
@ApplicationScoped
public class ReadingCohortStats {

    private final LiveStates liveStates;
    private final Clock clock;
    private final RulesConfig rules;

    ReadingCohortStats(LiveStates liveStates, Clock clock, RulesConfig rules) {
        this.liveStates = liveStates;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public CohortStats stats() {
        LiveStates.Census census = liveStates.census(clock.instant().minus(rules.staleness()));
        return CohortStats.of(census.activeByStep(), census.activeControlled(), census.activeRefractory(),
                census.refractoryAnyStatus());
    }
}
