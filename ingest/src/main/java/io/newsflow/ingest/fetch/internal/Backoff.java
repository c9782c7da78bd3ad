package io.newsflow.ingest.fetch.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential back-off with jitter, overridden by a server's Retry-After within a cap. */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final Duration retryAfterCap;
    private final RandomGenerator random;

    /** Creates a policy; {@code random} supplies the jitter. */
    public Backoff(Duration base, Duration max, Duration retryAfterCap, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.retryAfterCap = retryAfterCap;
        this.random = random;
    }

    /**
     * Delay before the attempt following {@code attempt} (1-based), or null to give up. A
     * Retry-After wins over the exponential value because the server knows its load; one longer
     * than the cap means giving up rather than retrying earlier than asked. "Equal jitter" keeps
     * at least half the exponential delay so retries from many workers still spread out.
     */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(retryAfterCap) > 0 ? null : retryAfter;
        }
        long baseMs = Math.max(1, base.toMillis());
        int shift = Math.min(attempt - 1, 30);
        long exp = Math.min(max.toMillis(), baseMs << shift);
        long half = exp / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
