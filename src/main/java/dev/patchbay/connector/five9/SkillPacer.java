package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Five9 recommends at least 3 s between skill calls to one domain: one pacer per domain endpoint in this
 * gateway instance spaces them (connectors of the same connection share it).
 */
final class SkillPacer {

    private static final Map<String, SkillPacer> BY_DOMAIN = new ConcurrentHashMap<>();

    private final Duration pause;
    private long lastCallNanos;
    private boolean called;

    private SkillPacer(Duration pause) {
        this.pause = pause;
    }

    static SkillPacer of(String domain, Duration pause) {
        return BY_DOMAIN.compute(domain, (key, existing) ->
                existing != null && existing.pause.equals(pause) ? existing : new SkillPacer(pause));
    }

    synchronized void paced(Runnable call) {
        if (called) {
            long waitNanos = lastCallNanos + pause.toNanos() - System.nanoTime();
            if (waitNanos > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(waitNanos).toMillis() + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectorException.Retryable("interrupted while pacing Five9 skill calls", null);
                }
            }
        }
        try {
            call.run();
        } finally {
            called = true;
            lastCallNanos = System.nanoTime();
        }
    }
}
