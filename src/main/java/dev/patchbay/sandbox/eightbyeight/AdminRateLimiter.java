package dev.patchbay.sandbox.eightbyeight;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * 8x8's Admin API limits per API key: requests per minute and a burst cap per 10 seconds, both as
 * fixed windows that open with the first request. Refused requests do not count.
 */
@ApplicationScoped
public class AdminRateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration BURST = Duration.ofSeconds(10);

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final Map<String, Windows> byKey = new HashMap<>();

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
        }
        int minuteLeft = Math.max(0, perMinute - windows.minuteCount);
        int burstLeft = Math.max(0, burst - windows.burstCount);
        Instant minuteEnd = windows.minuteStart.plus(MINUTE);
        Instant burstEnd = windows.burstStart.plus(BURST);
        Instant reset;
        if (minuteLeft == 0) {
            reset = minuteEnd;
        } else if (burstLeft == 0) {
            reset = burstEnd;
        } else {
            reset = burstLeft < minuteLeft ? burstEnd : minuteEnd;
        }
        long resetSeconds = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
        return new Decision(allowed, perMinute, Math.min(minuteLeft, burstLeft), resetSeconds);
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
