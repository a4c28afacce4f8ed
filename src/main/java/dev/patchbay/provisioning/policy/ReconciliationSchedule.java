package dev.patchbay.provisioning.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a connection is reconciled on its own: every so often, or nightly at a time of day in a zone. */
public sealed interface ReconciliationSchedule {

    /** Whether a scheduled run is due at {@code now}, given when the connection's latest run started. */
    boolean due(Instant now, Optional<Instant> latestStart);

    /** A run once {@code every} has passed since the latest one started (at once when there was none). */
    record Every(Duration every) implements ReconciliationSchedule {
        @Override
        public boolean due(Instant now, Optional<Instant> latestStart) {
            return latestStart.map(last -> !last.plus(every).isAfter(now)).orElse(true);
        }
    }

    /**
     * A run each day once {@code at} has come in {@code zone}, unless one started since. A slot missed (the
     * gateway was down) is caught up within {@link #CATCH_UP}, not later: the run keeps off the working day.
     */
    record Daily(LocalTime at, ZoneId zone) implements ReconciliationSchedule {

        public static final Duration CATCH_UP = Duration.ofHours(6);

        @Override
        public boolean due(Instant now, Optional<Instant> latestStart) {
            Instant slot = latestSlot(now);
            return !now.isAfter(slot.plus(CATCH_UP)) && latestStart.map(last -> last.isBefore(slot)).orElse(true);
        }

        /** The latest time {@code at} came in {@code zone}, at or before {@code now}. */
        Instant latestSlot(Instant now) {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime today = local.toLocalDate().atTime(at).atZone(zone);
            return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
        }
    }
}
