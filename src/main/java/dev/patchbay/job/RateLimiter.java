package dev.patchbay.job;

import dev.patchbay.connector.CallMeter;
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
 * honours when the vendor said "retry after". A window starts on its period's boundary, unless the vendor
 * reports its own counters ({@link #follow}): then it is the vendor's window, with the vendor's count and
 * allowance, and the next one starts when it ends.
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
            Current current = current(connectionId, window, now);
            int allowed = Math.max(1, (int) Math.floor(current.allowed() * share));
            if (current.used() > 0 && current.used() + calls > allowed) {
                Duration untilNext = Duration.between(now, current.end());
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
                        allowed = case when rate_limit_budget.window_start = excluded.window_start
                                       then rate_limit_budget.allowed end,
                        window_start = excluded.window_start""")
                    .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                    .setParameter("start", current(connectionId, window, now).start()).setParameter("calls", calls)
                    .executeUpdate();
        }
    }

    /**
     * The vendor reported its own count for the window of {@code count.period()}: the window becomes the
     * vendor's (it ends when the vendor's resets), counts at least the vendor's calls, and allows what the
     * vendor allows. A count for a period the limit does not declare is ignored.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void follow(String connectionId, RateLimit limit, CallMeter.VendorCount count) {
        Instant now = now();
        for (RateLimit.Window window : limit.windows()) {
            if (!window.period().equals(count.period())) {
                continue;
            }
            ensureAccount(connectionId);
            entityManager.createNativeQuery("select 1 from rate_limit_window where connection_id = :connection for update")
                    .setParameter("connection", connectionId).getResultList();
            Current current = current(connectionId, window, now);
            Duration resetsIn = count.resetsIn().compareTo(window.period()) > 0 ? window.period() : count.resetsIn();
            Instant vendorStart = now.plus(resetsIn).minus(window.period());
            boolean sameWindow = current.end().isAfter(vendorStart)
                    && vendorStart.plus(window.period()).isAfter(current.start());
            Instant start = sameWindow && current.start().isAfter(vendorStart) ? current.start() : vendorStart;
            int used = Math.max(count.used(), sameWindow ? current.used() : 0);
            entityManager.createNativeQuery("""
                    insert into rate_limit_budget (connection_id, period_millis, window_start, used, allowed)
                    values (:connection, :period, :start, :used, :allowed)
                    on conflict (connection_id, period_millis) do update set
                        window_start = excluded.window_start, used = excluded.used, allowed = excluded.allowed""")
                    .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                    .setParameter("start", start).setParameter("used", used).setParameter("allowed", count.allowed())
                    .executeUpdate();
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
            Current current = current(connectionId, window, now);
            return new WindowUse(current.allowed(), window.period(), current.used(), current.end());
        }).toList();
    }

    /** Until when the vendor asked every instance to wait, if it did and that time is still ahead. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Instant> pausedUntil(String connectionId) {
        Instant now = now();
        return pausedFor(connectionId, now).map(now::plus);
    }

    /** The window running at some instant: when it started and ends, its calls so far, what it allows. */
    private record Current(Instant start, Instant end, int used, int allowed) {
    }

    /**
     * The stored window while it runs; after it, a new one from the period's boundary (or from the stored
     * window's end, when that is later: the vendor's window was not on a boundary), with nothing used.
     */
    private Current current(String connectionId, RateLimit.Window window, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select window_start, used, allowed from rate_limit_budget
                        where connection_id = :connection and period_millis = :period""")
                .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                .getResultList();
        Instant aligned = windowStart(window, now);
        if (rows.isEmpty()) {
            return new Current(aligned, aligned.plus(window.period()), 0, window.calls());
        }
        Instant start = (Instant) rows.get(0)[0];
        Instant end = start.plus(window.period());
        if (end.isAfter(now) && !start.isAfter(now)) {
            Number allowed = (Number) rows.get(0)[2];
            return new Current(start, end, ((Number) rows.get(0)[1]).intValue(),
                    allowed == null ? window.calls() : allowed.intValue());
        }
        Instant next = end.isAfter(aligned) && !end.isAfter(now) ? end : aligned;
        return new Current(next, next.plus(window.period()), 0, window.calls());
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
