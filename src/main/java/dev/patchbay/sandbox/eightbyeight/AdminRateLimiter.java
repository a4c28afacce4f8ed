package dev.patchbay.sandbox.eightbyeight;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * 8x8's Admin API limits per API key: requests per minute and a burst cap per 10 seconds, both as
 * fixed windows that open with the first request. Refused requests do not count. The headers give the
 * minute window ({@code x-ratelimit-limit} is the per-minute limit, {@code -remaining} and {@code -reset}
 * belong to it), except on a request refused for the burst: none remaining until the burst window rolls.
 */
@ApplicationScoped
public class AdminRateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration BURST = Duration.ofSeconds(10);

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final Map<String, Windows> byKey = new HashMap<>();
    private int refused;

    public AdminRateLimiter(SandboxSettings settings, SandboxClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The verdict and what the {@code x-ratelimit-*} headers say. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds) {
    }

    synchronized Decision acquire(String apiKey) {
        return decide(apiKey, true);
    }

    /** The headers for a response that does not count (an injected fault). */
    synchronized Decision peek(String apiKey) {
        return decide(apiKey, false);
    }

    synchronized void reset() {
        byKey.clear();
        refused = 0;
    }

    /** Requests refused over a limit since the last reset. */
    synchronized int refused() {
        return refused;
    }

    private Decision decide(String apiKey, boolean count) {
        Instant now = clock.now();
        int perMinute = settings.rateLimitPerMinute();
        int burst = settings.burstPer10s();
        Windows windows = byKey.computeIfAbsent(apiKey, key -> new Windows());
        windows.roll(now);
        boolean allowed = windows.minuteCount < perMinute && windows.burstCount < burst;
        if (allowed && count) {
            windows.minuteCount++;
            windows.burstCount++;
        } else if (count) {
            refused++;
        }
        int minuteLeft = Math.max(0, perMinute - windows.minuteCount);
        Instant reset = windows.minuteStart.plus(MINUTE);
        int remaining = minuteLeft;
        if (!allowed && minuteLeft > 0) {
            // Refused for the burst: nothing is left until the burst window rolls.
            reset = windows.burstStart.plus(BURST);
            remaining = 0;
        }
        long resetSeconds = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
        return new Decision(allowed, perMinute, remaining, resetSeconds);
    }

    private static final class Windows {
        Instant minuteStart;
        int minuteCount;
        Instant burstStart;
        int burstCount;

        void roll(Instant now) {
            if (minuteStart == null || !now.isBefore(minuteStart.plus(MINUTE))) {
                minuteStart = now;
                minuteCount = 0;
            }
            if (burstStart == null || !now.isBefore(burstStart.plus(BURST))) {
                burstStart = now;
                burstCount = 0;
            }
        }
    }
}
