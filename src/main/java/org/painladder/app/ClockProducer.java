package org.painladder.app;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one place that reads the wall clock; everything else takes time from the injected {@link Clock}. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // In microseconds, as PostgreSQL and H2 store instants: an answer shows the updatedAt a later read shows,
        // so its ETag is the one that read answers.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
