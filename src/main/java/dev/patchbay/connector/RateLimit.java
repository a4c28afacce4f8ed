package dev.patchbay.connector;

import java.time.Duration;
import java.util.List;

/**
 * A vendor account's call budget: fixed windows (e.g. per minute, hour and day), each reset at its
 * boundary, that every call counts against; and how many of the account's jobs may run at once.
 */
public record RateLimit(List<Window> windows, int maxConcurrent) {

    /** At most {@code calls} calls per {@code period}, counted from the period's boundary (UTC). */
    public record Window(int calls, Duration period) {
        public Window {
            if (calls < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a window needs calls >= 1 and a positive period");
            }
        }
    }

    public RateLimit {
        windows = List.copyOf(windows);
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
    }

    /** One window of {@code requests} calls per {@code period}. */
    public RateLimit(int requests, Duration period, int maxConcurrent) {
        this(requests == Integer.MAX_VALUE ? List.of() : List.of(new Window(requests, period)), maxConcurrent);
    }

    public static RateLimit unlimited() {
        return new RateLimit(List.of(), Integer.MAX_VALUE);
    }

    public boolean limitsConcurrency() {
        return maxConcurrent < Integer.MAX_VALUE;
    }
}
