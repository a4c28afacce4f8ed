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
import java.util.List;
import java.util.Optional;

/**
 * Fixed-window call budgets per vendor account (several windows at once: per minute, hour, day), kept
 * in PostgreSQL so that every gateway instance draws from the same budgets; and a pause every instance
 * honours when the vendor said "retry after".
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager entityManager;
    private final Clock clock;

    public RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Takes one call from every window; when one is spent or the account is paused, how long to wait. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> acquire(String connectionId, RateLimit limit) {
        return take(connectionId, limit, 1, 1.0);
    }

    /**
     * Takes {@code calls} calls from every window, but only while each window stays within {@code share} of
     * its budget (the rest is left to provisioning): how long to wait otherwise. A batch larger than the
     * share goes into an unused window, so that it is never starved.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> acquire(String connectionId, RateLimit limit, int calls, double share) {
        return take(connectionId, limit, calls, share);
    }

    /**
     * Corrects an acquisition by what the calls came to: counts the calls made beyond it (an estimate that
     * fell short), or gives back the unused part ({@code calls} below zero) to the windows it was taken from.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void charge(String connectionId, RateLimit limit, int calls) {
        if (calls != 0) {
            add(connectionId, limit, calls, now());
        }
    }

    private Optional<Duration> take(String connectionId, RateLimit limit, int calls, double share) {
        Instant now = now();
        if (limit.windows().isEmpty()) {
            return pausedFor(connectionId, now);
        }
        ensureAccount(connectionId);
        // The account's row serialises the acquisitions of all instances for this account.
        Instant pausedUntil = (Instant) entityManager.createNativeQuery(
                        "select paused_until from rate_limit_window where connection_id = :connection for update")
                .setParameter("connection", connectionId).getSingleResult();
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            return Optional.of(Duration.between(now, pausedUntil));
        }
        Duration wait = Duration.ZERO;
        for (RateLimit.Window window : limit.windows()) {
            Instant start = windowStart(window, now);
            int used = used(connectionId, window, start);
            int allowed = Math.max(1, (int) Math.floor(window.calls() * share));
            if (used > 0 && used + calls > allowed) {
                Duration untilNext = Duration.between(now, start.plus(window.period()));
                wait = untilNext.compareTo(wait) > 0 ? untilNext : wait;
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        add(connectionId, limit, calls, now);
        return Optional.empty();
    }

    private void add(String connectionId, RateLimit limit, int calls, Instant now) {
        for (RateLimit.Window window : limit.windows()) {
            entityManager.createNativeQuery("""
                    insert into rate_limit_budget (connection_id, period_millis, window_start, used)
                    values (:connection, :period, :start, greatest(0, :calls))
                    on conflict (connection_id, period_millis) do update set
                        used = case when rate_limit_budget.window_start = excluded.window_start
                                    then greatest(0, rate_limit_budget.used + :calls) else excluded.used end,
                        window_start = excluded.window_start""")
                    .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                    .setParameter("start", windowStart(window, now)).setParameter("calls", calls).executeUpdate();
        }
    }

    /** The vendor asked to wait: no instance calls this vendor account again before {@code retryAfter}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void pause(String connectionId, Duration retryAfter) {
        ensureAccount(connectionId);
        Instant until = now().plus(retryAfter);
        entityManager.createNativeQuery("""
                        update rate_limit_window set paused_until = greatest(coalesce(paused_until, :until), :until)
                        where connection_id = :connection""")
                .setParameter("until", until).setParameter("connection", connectionId)
                .executeUpdate();
    }

    /** Lifts a pause at once (the reason for it is gone). */
    @Transactional(TxType.REQUIRES_NEW)
    public void resume(String connectionId) {
        entityManager.createNativeQuery(
                        "update rate_limit_window set paused_until = null where connection_id = :connection")
                .setParameter("connection", connectionId).executeUpdate();
    }

    /** How much of one window's budget is used now, and when it resets. */
    public record WindowUse(int calls, Duration period, int used, Instant resetsAt) {
    }

    /** The headroom of each of the account's windows right now. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<WindowUse> usage(String connectionId, RateLimit limit) {
        Instant now = now();
        return limit.windows().stream().map(window -> {
            Instant start = windowStart(window, now);
            return new WindowUse(window.calls(), window.period(), used(connectionId, window, start),
                    start.plus(window.period()));
        }).toList();
    }

    /** Until when the vendor asked every instance to wait, if it did and that time is still ahead. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Instant> pausedUntil(String connectionId) {
        Instant now = now();
        return pausedFor(connectionId, now).map(now::plus);
    }

    /** The calls counted in the window that starts at {@code start} (0 once a newer window began). */
    private int used(String connectionId, RateLimit.Window window, Instant start) {
        List<?> rows = entityManager.createNativeQuery("""
                        select used from rate_limit_budget
                        where connection_id = :connection and period_millis = :period and window_start = :start""")
                .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                .setParameter("start", start).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Windows are aligned to their period since the epoch, so all instances agree where one begins. */
    static Instant windowStart(RateLimit.Window window, Instant now) {
        long period = window.period().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
    }

    private Optional<Duration> pausedFor(String connectionId, Instant now) {
        return entityManager.createNativeQuery(
                        "select paused_until from rate_limit_window where connection_id = :connection")
                .setParameter("connection", connectionId).getResultStream()
                .filter(until -> until != null && ((Instant) until).isAfter(now))
                .map(until -> Duration.between(now, (Instant) until)).findFirst();
    }

    private void ensureAccount(String connectionId) {
        entityManager.createNativeQuery("""
                insert into rate_limit_window (connection_id, window_start, used) values (:connection, now(), 0)
                on conflict (connection_id) do nothing""")
                .setParameter("connection", connectionId).executeUpdate();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
