package dev.patchbay.sandbox.five9;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The fixed windows Five9 counts requests in; each starts at the top of its unit on the domain's clock. */
enum LimitWindow {
    MINUTE(ChronoUnit.MINUTES, 60, "Minute", "1-minute"),
    HOUR(ChronoUnit.HOURS, 3_600, "Hour", "1-hour"),
    DAY(ChronoUnit.DAYS, 86_400, "Day", "24-hour");

    private final ChronoUnit unit;
    private final long seconds;
    private final String settingSuffix;
    private final String period;

    LimitWindow(ChronoUnit unit, long seconds, String settingSuffix, String period) {
        this.unit = unit;
        this.seconds = seconds;
        this.settingSuffix = settingSuffix;
        this.period = period;
    }

    /** The start of the window that holds {@code now}. */
    Instant start(Instant now, ZoneId zone) {
        return ZonedDateTime.ofInstant(now, zone).truncatedTo(unit).toInstant();
    }

    /** {@code timeout} of getCallCountersState: the window's length in seconds. */
    long seconds() {
        return seconds;
    }

    String settingSuffix() {
        return settingSuffix;
    }

    /** As the fault message says it, e.g. "24-hour". */
    String period() {
        return period;
    }
}
