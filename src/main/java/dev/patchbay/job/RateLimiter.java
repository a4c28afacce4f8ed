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
 * allowance, and the next one starts when it ends. A job's step reserves calls before it starts
 * ({@link #reserve}); a reservation holds budget apart from the calls counted, and ends with the step
 * ({@link #settle}) or with the job's lease, so that calls reserved are never taken for calls made.
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
        if (calls != 0 && !limit.windows().isEmpty()) {
            // Under the account's lock, so that a vendor's count followed at the same moment cannot undo it.
            lockAccount(connectionId);
            add(connectionId, limit, calls, now());
        }
    }

    /**
     * Reserves {@code calls} for the next step of running job {@code jobId}: they fit when each window's calls,
     * plus what the connection's other running steps reserved, leave room for them. When only those other
     * reservations stand in the way, the wait is short: they end as soon as their steps do.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> reserve(String connectionId, RateLimit limit, long jobId, int calls) {
        Instant now = now();
        if (limit.windows().isEmpty()) {
            return pausedFor(connectionId, now);
        }
        Optional<Duration> paused = lockAccount(connectionId).filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
        if (paused.isPresent()) {
            return paused;
        }
        int reserved = ((Number) entityManager.createNativeQuery("""
                        select coalesce(sum(calls_reserved), 0) from provisioning_job
                        where connection_id = :connection and state = 'running' and id <> :job and lease_until > :now""")
                .setParameter("connection", connectionId).setParameter("job", jobId).setParameter("now", now)
                .getSingleResult()).intValue();
        Duration wait = waitFor(connectionId, limit, calls, 1.0, reserved, now);
        if (!wait.isZero()) {
            Duration withoutOthers = waitFor(connectionId, limit, calls, 1.0, 0, now);
            return Optional.of(withoutOthers.isZero() && RESERVATIONS_END.compareTo(wait) < 0 ? RESERVATIONS_END : wait);
        }
        entityManager.createNativeQuery("update provisioning_job set calls_reserved = :calls where id = :job")
                .setParameter("calls", calls).setParameter("job", jobId).executeUpdate();
        return Optional.empty();
    }

    /** How soon a step kept out only by other steps' reservations looks again. */
    static final Duration RESERVATIONS_END = Duration.ofMillis(500);

    /**
     * Job {@code jobId}'s step is over: its {@code made} calls not counted yet count in every window now, and
     * its reservation ends.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void settle(String connectionId, RateLimit limit, long jobId, int made) {
        lockAccount(connectionId);
        if (made != 0 && !limit.windows().isEmpty()) {
            add(connectionId, limit, made, now());
        }
        entityManager.createNativeQuery("update provisioning_job set calls_reserved = 0 where id = :job and calls_reserved <> 0")
                .setParameter("job", jobId).executeUpdate();
    }

    private Optional<Duration> take(String connectionId, RateLimit limit, int calls, double share) {
        Instant now = now();
        if (limit.windows().isEmpty()) {
            return pausedFor(connectionId, now);
        }
        Instant pausedUntil = lockAccount(connectionId).orElse(null);
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            return Optional.of(Duration.between(now, pausedUntil));
        }
        int reserved = ((Number) entityManager.createNativeQuery("""
                        select coalesce(sum(calls_reserved), 0) from provisioning_job
                        where connection_id = :connection and state = 'running' and lease_until > :now""")
                .setParameter("connection", connectionId).setParameter("now", now).getSingleResult()).intValue();
        Duration wait = waitFor(connectionId, limit, calls, share, reserved, now);
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        add(connectionId, limit, calls, now);
        return Optional.empty();
    }

    /**
     * Until the end of the latest window that has no room for {@code calls} more beside {@code reserved}
     * (within {@code share} of its allowance); zero when every window has room. A window with nothing in it
     * takes any number, so that a step larger than the allowance is never starved.
     */
    private Duration waitFor(String connectionId, RateLimit limit, int calls, double share, int reserved, Instant now) {
        Duration wait = Duration.ZERO;
        for (RateLimit.Window window : limit.windows()) {
            Current current = current(connectionId, window, now);
            int allowed = Math.max(1, (int) Math.floor(current.allowed() * share));
            int taken = current.used() + reserved;
            if (taken > 0 && taken + calls > allowed) {
                Duration untilNext = Duration.between(now, current.end());
                wait = untilNext.compareTo(wait) > 0 ? untilNext : wait;
            }
        }
        return wait;
    }

    /** Locks the account's row, which serialises every change to its budgets; until when it is paused. */
    private Optional<Instant> lockAccount(String connectionId) {
        ensureAccount(connectionId);
        return Optional.ofNullable((Instant) entityManager.createNativeQuery(
                        "select paused_until from rate_limit_window where connection_id = :connection for update")
                .setParameter("connection", connectionId).getSingleResult());
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
     * vendor's (it ends when the vendor's resets) and allows what the vendor allows. When it is the window
     * already counted (their ends less than half a period apart), it counts at least the vendor's calls and
     * ends when the vendor's does (or at the counted end, when that is later only by the vendor's rounding of
     * its reset to a second); when the vendor's is a
     * newer window, it counts the vendor's calls only. A report of a window that ended, or that ended as the
     * counted one began (an answer passed on late), changes nothing, nor does one for a period the limit
     * does not declare.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void follow(String connectionId, RateLimit limit, CallMeter.VendorCount count) {
        Instant now = now();
        for (RateLimit.Window window : limit.windows()) {
            if (!window.period().equals(count.period())) {
                continue;
            }
            lockAccount(connectionId);
            Current current = current(connectionId, window, now);
            Instant latestEnd = now.plus(window.period());
            Instant vendorEnd = count.resetsAt().isAfter(latestEnd) ? latestEnd
                    : count.resetsAt().truncatedTo(ChronoUnit.MICROS);
            Duration apart = Duration.between(current.end(), vendorEnd).abs();
            boolean sameWindow = apart.compareTo(window.period().dividedBy(2)) < 0;
            boolean stale = !vendorEnd.isAfter(now)
                    || !sameWindow && vendorEnd.isBefore(current.end()) && !vendorEnd.isAfter(current.start().plus(RESET_PRECISION));
            if (stale) {
                continue;
            }
            // Within the vendor's rounding the later end holds; a window further off was a guess (a boundary).
            Instant end = sameWindow && current.end().isAfter(vendorEnd)
                    && !current.end().isAfter(vendorEnd.plus(RESET_PRECISION)) ? current.end() : vendorEnd;
            int used = sameWindow ? Math.max(count.used(), current.used()) : count.used();
            entityManager.createNativeQuery("""
                    insert into rate_limit_budget (connection_id, period_millis, window_start, used, allowed)
                    values (:connection, :period, :start, :used, :allowed)
                    on conflict (connection_id, period_millis) do update set
                        window_start = excluded.window_start, used = excluded.used, allowed = excluded.allowed""")
                    .setParameter("connection", connectionId).setParameter("period", window.period().toMillis())
                    .setParameter("start", end.minus(window.period())).setParameter("used", used)
                    .setParameter("allowed", count.allowed())
                    .executeUpdate();
        }
    }

    /** How far a vendor's reset may be from the true one: it is given in whole seconds. */
    static final Duration RESET_PRECISION = Duration.ofSeconds(2);

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
