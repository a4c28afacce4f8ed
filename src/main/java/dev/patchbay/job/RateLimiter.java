package dev.patchbay.job;

import dev.patchbay.connector.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A fixed-window call budget per vendor account, kept in PostgreSQL so that every gateway instance
 * draws from the same budget; and a pause every instance honours when the vendor said "retry after".
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager entityManager;
    private final Clock clock;

    public RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Takes one call from the budget; when it is spent or the account is paused, how long to wait. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> acquire(String connectionId, RateLimit limit) {
        Instant now = now();
        if (limit.requests() == Integer.MAX_VALUE) {
            return pausedFor(connectionId, now);
        }
        ensureWindow(connectionId, now);
        Object[] window = (Object[]) entityManager.createNativeQuery("""
                        select window_start, used, paused_until from rate_limit_window
                        where connection_id = :connection for update""")
                .setParameter("connection", connectionId).getSingleResult();
        Instant pausedUntil = (Instant) window[2];
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            return Optional.of(Duration.between(now, pausedUntil));
        }
        Instant start = (Instant) window[0];
        int used = ((Number) window[1]).intValue();
        if (!start.plus(limit.period()).isAfter(now)) {
            start = now;
            used = 0;
        }
        if (used >= limit.requests()) {
            return Optional.of(Duration.between(now, start.plus(limit.period())));
        }
        entityManager.createNativeQuery(
                        "update rate_limit_window set window_start = :start, used = :used where connection_id = :connection")
                .setParameter("start", start).setParameter("used", used + 1).setParameter("connection", connectionId)
                .executeUpdate();
        return Optional.empty();
    }

    /** The vendor asked to wait: no instance calls this vendor account again before {@code retryAfter}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void pause(String connectionId, Duration retryAfter) {
        Instant now = now();
        ensureWindow(connectionId, now);
        entityManager.createNativeQuery("""
                        update rate_limit_window set paused_until = greatest(coalesce(paused_until, :until), :until)
                        where connection_id = :connection""")
                .setParameter("until", now.plus(retryAfter)).setParameter("connection", connectionId)
                .executeUpdate();
    }

    private Optional<Duration> pausedFor(String connectionId, Instant now) {
        return entityManager.createNativeQuery(
                        "select paused_until from rate_limit_window where connection_id = :connection")
                .setParameter("connection", connectionId).getResultStream()
                .filter(until -> until != null && ((Instant) until).isAfter(now))
                .map(until -> Duration.between(now, (Instant) until)).findFirst();
    }

    private void ensureWindow(String connectionId, Instant now) {
        entityManager.createNativeQuery("""
                insert into rate_limit_window (connection_id, window_start, used) values (:connection, :now, 0)
                on conflict (connection_id) do nothing""")
                .setParameter("connection", connectionId).setParameter("now", now).executeUpdate();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
