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
        // Ticking by the microsecond, the database's precision: a time the service stamps (receivedAt, createdAt …)
        // is answered on creation as every later read answers it.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
