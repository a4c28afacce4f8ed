package dev.patchbay.connector.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static VendorHttp.Response answer(int status, String header, String value) {
        return new VendorHttp.Response(status, HttpHeaders.of(Map.of(header, List.of(value)), (a, b) -> true), "");
    }

    @Test
    void secondsAndHttpDatesAreBothRetryAfter() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.of(answer(429, "Retry-After", "7"), CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryAfter.of(answer(503, "Retry-After", "Tue, 01 Dec 2026 10:01:30 GMT"), CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryAfter.of(answer(429, "Retry-After", "0"), CLOCK),
                "never sooner than a second");
        assertEquals(Optional.of(Duration.ofSeconds(1)),
                RetryAfter.of(answer(429, "Retry-After", "Tue, 01 Dec 2026 09:00:00 GMT"), CLOCK), "a date past");
        assertEquals(Optional.empty(), RetryAfter.of(answer(429, "Retry-After", "soon"), CLOCK));
        assertEquals(Optional.empty(), RetryAfter.of(answer(429, "X-Other", "7"), CLOCK));
    }

    @Test
    void resetHeadersInSecondsOrAsAnEpochSecond() {
        assertEquals(Optional.of(Duration.ofSeconds(61)),
                RetryAfter.seconds(answer(429, "inin-ratelimit-reset", "61"), "inin-ratelimit-reset"));
        long reset = CLOCK.instant().getEpochSecond() + 42;
        assertEquals(Optional.of(Duration.ofSeconds(42)), RetryAfter.untilEpochSecond(
                answer(429, "x-ratelimit-reset", String.valueOf(reset)), "x-ratelimit-reset", CLOCK));
        assertEquals(Optional.empty(), RetryAfter.seconds(answer(429, "inin-ratelimit-reset", "x"),
                "inin-ratelimit-reset"));
    }
}
