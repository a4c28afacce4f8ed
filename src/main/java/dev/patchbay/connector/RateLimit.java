package dev.patchbay.connector;

import java.time.Duration;
import java.util.List;

/**
 * A vendor account's call budget: fixed windows (e.g. per minute, hour and day), each reset at its
 * boundary, that every call counts against; and how many of the account's jobs may run at once.
 * {@code callsPerStep} 0: the budget counts steps (one each). Above 0: it counts the vendor calls the
 * connector makes (its {@link CallMeter}); a step reserves that many before it starts and is charged what
 * its calls came to afterwards, so a step never runs past the window's end on a reservation too small.
 */
public record RateLimit(List<Window> windows, int maxConcurrent, int callsPerStep) {

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
        if (callsPerStep < 0) {
            throw new IllegalArgumentException("callsPerStep must not be negative");
        }
    }

    /** A budget of steps. */
    public RateLimit(List<Window> windows, int maxConcurrent) {
        this(windows, maxConcurrent, 0);
    }

    /** The same windows counting vendor calls, a step reserving {@code calls} of them. */
    public RateLimit perCall(int calls) {
        return new RateLimit(windows, maxConcurrent, calls);
    }

    /** Whether the budget counts the connector's calls rather than steps. */
    public boolean countsCalls() {
        return callsPerStep > 0;
    }

    /** What one step takes from the budget before it starts. */
    public int reservedPerStep() {
        return countsCalls() ? callsPerStep : 1;
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
