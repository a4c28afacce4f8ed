package dev.patchbay.connector.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When a vendor asks to be called again: {@code Retry-After} (RFC 9110: seconds or an HTTP date) and reset headers. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** {@code Retry-After} as a delay (at least a second), from seconds or an HTTP date. */
    public static Optional<Duration> of(VendorHttp.Response response, Clock clock) {
        return response.header("Retry-After").flatMap(value -> parse(value.trim(), clock));
    }

    /** A header holding the seconds until a window resets (Genesys {@code inin-ratelimit-reset}). */
    public static Optional<Duration> seconds(VendorHttp.Response response, String header) {
        return response.header(header).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A header holding the epoch second a window resets at (8x8 {@code x-ratelimit-reset}). */
    public static Optional<Duration> untilEpochSecond(VendorHttp.Response response, String header, Clock clock) {
        return response.header(header).flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim()) - clock.instant().getEpochSecond();
                return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<Duration> parse(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
