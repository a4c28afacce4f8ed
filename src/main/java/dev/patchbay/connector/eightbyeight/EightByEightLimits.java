package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.kit.VendorHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 8x8's Admin API limit per API key: {@code perMinute} requests in a window of a minute that opens with the
 * first request, and at most 10 asynchronous operations in flight. Every request the connector makes counts
 * (SCIM ones too: 8x8 publishes no SCIM limit). An answer's {@code x-ratelimit-limit}, {@code -remaining}
 * and {@code -reset} (epoch second) give the vendor's own count of the minute, which the budget follows; a
 * 429's are left to the pause it causes (its reset may be the burst window's).
 */
record EightByEightLimits(int perMinute) {

    static final Duration MINUTE = Duration.ofMinutes(1);
    /** What a step reserves before it starts: a read, a write and the polls of its operation. */
    static final int CALLS_PER_STEP = 4;
    static final int OPERATIONS_IN_FLIGHT = 10;

    RateLimit rateLimit() {
        return new RateLimit(perMinute, MINUTE, OPERATIONS_IN_FLIGHT).perCall(CALLS_PER_STEP);
    }

    /** The vendor's count of the minute as an answer's headers give it; none without them, or on a 429. */
    Optional<CallMeter.VendorCount> count(VendorHttp.Response response) {
        Optional<Long> limit = number(response, "x-ratelimit-limit");
        Optional<Long> remaining = number(response, "x-ratelimit-remaining");
        Optional<Long> reset = number(response, "x-ratelimit-reset");
        if (response.status() == 429 || limit.isEmpty() || remaining.isEmpty() || reset.isEmpty() || limit.get() < 1
                || remaining.get() < 0) {
            return Optional.empty();
        }
        int allowed = (int) Math.min(Integer.MAX_VALUE, limit.get());
        return Optional.of(new CallMeter.VendorCount(allowed, (int) Math.max(0, allowed - remaining.get()),
                Instant.ofEpochSecond(reset.get()), MINUTE));
    }

    private static Optional<Long> number(VendorHttp.Response response, String header) {
        return response.header(header).flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
