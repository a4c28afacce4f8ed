package dev.patchbay.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every service reads the time from, so tests can move time. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
