package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstIsServedThenTheCallerWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(60, 3, now::get);
        assertEquals(0, buckets.take("ehr-a"));
        assertEquals(0, buckets.take("ehr-a"));
        assertEquals(0, buckets.take("ehr-a"));
        assertEquals(1, buckets.take("ehr-a"), "one request per second refills");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertEquals(0, buckets.take("ehr-a"));
        assertEquals(1, buckets.take("ehr-a"));
    }

    @Test
    void askingHowLongToWaitSpendsNothing() {
        TokenBuckets buckets = new TokenBuckets(6, 1, now::get);
        assertEquals(0, buckets.waitFor("unknown"));
        assertEquals(0, buckets.take("failing"));
        assertEquals(10, buckets.waitFor("failing"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertEquals(0, buckets.waitFor("failing"));
        assertEquals(0, buckets.waitFor("failing"), "still there: asking took nothing");
        assertEquals(0, buckets.take("failing"));
    }

    @Test
    void callersHaveBucketsOfTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(60, 1, now::get);
        assertEquals(0, buckets.take("ehr-a"));
        assertEquals(1, buckets.take("ehr-a"));
        assertEquals(0, buckets.take("ehr-b"));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextRequestFits() {
        TokenBuckets buckets = new TokenBuckets(6, 1, now::get);
        assertEquals(0, buckets.take("slow"));
        assertEquals(10, buckets.take("slow"), "6 a minute is one every 10 s");
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertEquals(1, buckets.take("slow"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, buckets.take("slow"));
    }

    @Test
    void anIdleBucketRefillsNoFurtherThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(1200, 2, now::get);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertEquals(0, buckets.take("idle"));
        assertEquals(0, buckets.take("idle"));
        assertEquals(1, buckets.take("idle"));
    }

    @Test
    void aBudgetBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 5, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(5, 0, now::get));
    }
}
