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
 * draws from the same budget.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager entityManager;
    private final Clock clock;

    public RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Takes one call from the budget; when it is spent, how long until the window resets. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> acquire(String connectionId, RateLimit limit) {
        if (limit.requests() == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                insert into rate_limit_window (connection_id, window_start, used) values (:connection, :now, 0)
                on conflict (connection_id) do nothing""")
                .setParameter("connection", connectionId).setParameter("now", now).executeUpdate();
        Object[] window = (Object[]) entityManager.createNativeQuery(
                        "select window_start, used from rate_limit_window where connection_id = :connection for update")
                .setParameter("connection", connectionId).getSingleResult();
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
}
