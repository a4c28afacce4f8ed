package dev.patchbay.job;

import java.time.Duration;

/** How a job ended this time. */
public sealed interface JobResult {

    record Done() implements JobResult {
    }

    /**
     * Try again after {@code delay}. The job is dead-lettered after {@code maxAttempts} attempts, or, when
     * {@code retryFor} is set, once its failures have gone on that long (a vendor outage is waited out).
     */
    record RetryLater(Duration delay, int maxAttempts, String error, Duration retryFor) implements JobResult {

        public RetryLater(Duration delay, int maxAttempts, String error) {
            this(delay, maxAttempts, error, null);
        }

        /** Retried whatever the attempts, until its failures have lasted {@code retryFor}. */
        public static RetryLater forDuration(Duration delay, Duration retryFor, String error) {
            return new RetryLater(delay, Integer.MAX_VALUE, error, retryFor);
        }
    }

    /** Not a failure (a rate limit window is full): try again after {@code delay}, attempts unchanged. */
    record Wait(Duration delay) implements JobResult {
    }

    /**
     * A permanent failure: dead-lettered at once, visible and re-drivable by an admin. {@code conflict}
     * marks a vendor account that clashes with the user and cannot be adopted.
     */
    record Failed(String error, boolean conflict) implements JobResult {
        public Failed(String error) {
            this(error, false);
        }
    }
}
