package dev.patchbay.connector;

import java.time.Duration;

/** Exponential backoff with full jitter, capped, for a vendor's retryable failures. */
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
}
