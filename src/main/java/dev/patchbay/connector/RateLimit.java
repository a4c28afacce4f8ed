package dev.patchbay.connector;

import java.time.Duration;

/** How many calls a vendor account takes per period, and how many may run at once. */
public record RateLimit(int requests, Duration period, int maxConcurrent) {

    public static RateLimit unlimited() {
        return new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1), Integer.MAX_VALUE);
    }
}
