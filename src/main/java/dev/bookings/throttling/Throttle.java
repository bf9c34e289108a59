package dev.bookings.throttling;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The limiter: one bucket per key (tenant and client application), each a token bucket for the rate and a
 * count of requests in flight. Thread-safe; a bucket's own lock is held only for a few arithmetic operations.
 * Idle buckets are dropped once there are many, so the memory a flood of distinct keys can take is bounded.
 */
public final class Throttle {

    /**
     * What {@link #acquire} decided: admitted (then {@link #release()} it when the request ends), or refused with
     * the seconds to wait.
     */
    public static final class Decision {
        private final Bucket bucket;
        private final long retryAfterSeconds;

        private Decision(Bucket bucket, long retryAfterSeconds) {
            this.bucket = bucket;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public boolean admitted() {
            return bucket != null;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** Gives the admitted request's place back; does nothing for a refused one. */
        public void release() {
            if (bucket != null) {
                bucket.release();
            }
        }
    }

    static final int SWEEP_ABOVE = 10_000;
    private static final long IDLE_NANOS = 60_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public Throttle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes a place for one request under {@code key}; an admitted request must be released. */
    public Decision acquire(String key, Limits limits) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limits, now)).acquire(limits, now);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        for (Iterator<Bucket> i = buckets.values().iterator(); i.hasNext();) {
            if (i.next().idle(now)) {
                i.remove();
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;
        private int inFlight;

        Bucket(Limits limits, long now) {
            this.tokens = limits.burst();
            this.refilledAt = now;
        }

        synchronized Decision acquire(Limits limits, long now) {
            tokens = Math.min(limits.burst(), tokens + (now - refilledAt) / 1e9 * limits.requestsPerSecond());
            refilledAt = now;
            if (inFlight >= limits.concurrent()) {
                return new Decision(null, 1);
            }
            if (tokens < 1) {
                return new Decision(null, Math.max(1, (long) Math.ceil((1 - tokens) / limits.requestsPerSecond())));
            }
            tokens -= 1;
            inFlight++;
            return new Decision(this, 0);
        }

        synchronized void release() {
            if (inFlight > 0) {
                inFlight--;
            }
        }

        synchronized boolean idle(long now) {
            return inFlight == 0 && now - refilledAt > IDLE_NANOS;
        }
    }
}
