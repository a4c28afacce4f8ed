package dev.patchbay.connector;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, capped, for a vendor's retryable failures. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static RetryPolicy standard() {
        return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    /** The longest wait before attempt {@code attempt} (1 = the first retry); callers draw below it. */
    public Duration ceilingFor(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration backoff = initialBackoff.multipliedBy(factor);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    /**
     * The wait before attempt {@code attempt}: drawn from the upper half of its ceiling, so that jobs that
     * failed together spread out; never sooner than the vendor's {@code retryAfter} when it gave one.
     */
    public Duration delayFor(int attempt, Duration retryAfter) {
        long millis = ceilingFor(attempt).toMillis();
        Duration backoff = Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
