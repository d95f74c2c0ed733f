package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.persistence.LiveStates;
import org.painladder.persistence.ReplicaReads;

/**
 * Cohort statistics from the live-state columns; a CONTROLLED state on a stale score does not count as controlled.
 * They count every patient, so each replica computes them at most once per {@code painladder.stats.max-age} and
 * answers from that computation in between: the cost to the database stays the same however many dashboards poll.
 */
@ApplicationScoped
public class ReadingCohortStats {

    private record Computed(CohortStats stats, Instant at) {
    }

    private final ReplicaReads replicaReads;
    private final Clock clock;
    private final RulesConfig rules;
    private final Duration maxAge;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile Computed latest;

    ReadingCohortStats(ReplicaReads replicaReads, Clock clock, RulesConfig rules,
                       @ConfigProperty(name = "painladder.stats.max-age") Duration maxAge) {
        this.replicaReads = replicaReads;
        this.clock = clock;
        this.rules = rules;
        this.maxAge = maxAge;
    }

    /**
     * Read from the read replica when one is configured (ReplicaReads): the statistics tolerate its lag. One request
     * at a time counts; the others answer from the last count meanwhile instead of all counting at once.
     */
    @Transactional
    public CohortStats stats() {
        Computed cached = latest;
        if (isFresh(cached)) {
            return cached.stats();
        }
        if (!counting.tryLock()) {
            if (cached != null) {
                return cached.stats();
            }
            counting.lock();
        }
        try {
            Computed again = latest;
            if (isFresh(again)) {
                return again.stats();
            }
            Instant now = clock.instant();
            LiveStates.Census census = replicaReads.read(readers -> readers.liveStates()
                    .census(now.minus(rules.staleness())));
            CohortStats stats = CohortStats.of(census.activeByStep(), census.activeControlled(),
                    census.activeRefractory(), census.refractoryAnyStatus());
            latest = new Computed(stats, now);
            return stats;
        } finally {
            counting.unlock();
        }
    }

    private boolean isFresh(Computed computed) {
        Instant now = clock.instant();
        return computed != null && now.isBefore(computed.at().plus(maxAge)) && !now.isBefore(computed.at());
    }
}
