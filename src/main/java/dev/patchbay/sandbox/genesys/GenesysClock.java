package dev.patchbay.sandbox.genesys;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's time: the system clock plus an offset that only grows (tests expire tokens and roll windows). */
@ApplicationScoped
public class GenesysClock {

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
