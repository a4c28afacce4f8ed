package dev.patchbay.job;

import java.time.Duration;

/** How a job ended this time. */
public sealed interface JobResult {

    record Done() implements JobResult {
    }

    /** Try again after {@code delay}; after {@code maxAttempts} attempts the job is dead-lettered. */
    record RetryLater(Duration delay, int maxAttempts, String error) implements JobResult {
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
