package dev.patchbay.sandbox.five9;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The domain's request counters per request type and window. Each window is fixed: it resets at the top
 * of the minute, hour or day on the simulator's clock (not 60 s after the first request). A request over
 * any window's limit is refused with {@code OperationsLimitExceededFault} and does not count.
 */
@ApplicationScoped
public class CallCounters {

    private final Five9Settings settings;
    private final Five9Clock clock;
    private final Map<OperationType, Map<LimitWindow, Counter>> counters = new EnumMap<>(OperationType.class);
    private final Map<OperationType, Long> refused = new EnumMap<>(OperationType.class);

    public CallCounters(Five9Settings settings, Five9Clock clock) {
        this.settings = settings;
        this.clock = clock;
        reset();
    }

    private static final class Counter {
        Instant windowStart;
        long value;
    }

    synchronized void reset() {
        for (OperationType type : OperationType.LIMITED) {
            Map<LimitWindow, Counter> windows = new EnumMap<>(LimitWindow.class);
            for (LimitWindow window : LimitWindow.values()) {
                windows.put(window, new Counter());
            }
            counters.put(type, windows);
            refused.put(type, 0L);
        }
    }

    /** Counts one request of {@code type}, or refuses it. */
    synchronized void acquire(OperationType type) {
        if (type == OperationType.Unlimited) {
            return;
        }
        Instant now = clock.now();
        for (LimitWindow window : LimitWindow.values()) {
            long limit = settings.limit(type, window);
            if (current(type, window, now).value >= limit) {
                refused.merge(type, 1L, Long::sum);
                throw Five9Fault.of("OperationsLimitExceededFault", "Maximum number of " + type
                        + " Web Services requests for the " + window.period() + " period has been exceeded")
                        .with("limit", limit).with("operationType", type.name());
            }
        }
        counters.get(type).values().forEach(counter -> counter.value++);
    }

    /** How many requests of {@code type} were refused over a limit since the last reset. */
    synchronized long refused(OperationType type) {
        return refused.get(type);
    }

    /** How many requests of {@code type} the window holding now has counted. */
    synchronized long value(OperationType type, LimitWindow window) {
        return current(type, window, clock.now()).value;
    }

    private Counter current(OperationType type, LimitWindow window, Instant now) {
        Counter counter = counters.get(type).get(window);
        Instant start = window.start(now, settings.zone());
        if (!start.equals(counter.windowStart)) {
            counter.windowStart = start;
            counter.value = 0;
        }
        return counter;
    }
}
