package dev.patchbay.sandbox.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulator's time: the system clock plus an offset that only grows. Tests move it forward (by
 * injection or {@code POST _control/clock}) to expire tokens, finish pending operations and roll
 * rate-limit windows without sleeping. A simulator makes it a bean by subclassing it.
 */
public class MovableClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        offsetMillis.addAndGet(duration.toMillis());
    }
}
