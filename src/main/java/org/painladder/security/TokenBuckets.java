package org.painladder.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code requestsPerMinute}. In memory, so each
 * replica limits on its own; behind a load balancer the effective limit is the sum over replicas.
 */
public final class TokenBuckets {

    /** Idle callers' full buckets are dropped past this many, so that the map cannot grow without bound. */
    private static final int MAX_IDLE_BUCKETS = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final long refillNanos;
    private final AtomicLong lastSweepAt;

    public TokenBuckets(int requestsPerMinute, int burst, LongSupplier nanoTime) {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("requests-per-minute and burst must be at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = requestsPerMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.nanoTime = nanoTime;
        this.refillNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.lastSweepAt = new AtomicLong(nanoTime.getAsLong() - refillNanos);
    }

    /** @return 0 when the request may go ahead, otherwise the whole seconds to wait before the next one will */
    public long take(String caller) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_IDLE_BUCKETS && sweepDue(now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(caller, key -> new Bucket(now)).take(now);
    }

    /**
     * Like {@link #take} but spends nothing: 0 when the caller has a request left, otherwise the whole seconds until
     * it will have one. For limits that are checked before a request and charged only for some outcomes.
     */
    public long waitFor(String caller) {
        Bucket bucket = buckets.get(caller);
        return bucket == null ? 0 : bucket.waitFor(nanoTime.getAsLong());
    }

    /**
     * A bucket needs a whole refill period to become full again, so sweeping more often than that finds nothing new;
     * without this, a map full of busy callers would be scanned on every request.
     */
    private boolean sweepDue(long now) {
        long last = lastSweepAt.get();
        return now - last >= refillNanos && lastSweepAt.compareAndSet(last, now);
    }

    private final class Bucket {
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            long wait = waitFor(now);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        synchronized long waitFor(long now) {
            refill(now);
            if (tokens >= 1) {
                return 0;
            }
            double nanosToNextToken = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanosToNextToken / TimeUnit.SECONDS.toNanos(1)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
