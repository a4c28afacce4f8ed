package dev.patchbay.job;

import dev.patchbay.connector.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How far a connection's current wave has got: the jobs outstanding now (due, in flight), those finished
 * since the oldest of them was enqueued and in the last hour, and when the rest should be done: from the
 * pace of the last minute, or from the budget when it is slower (the vendor's windows as they stand, at
 * what a job cost the budget over the last hour, or before any job finished, one step's reservation).
 */
@ApplicationScoped
public class QueueProgress {

    static final Duration PACE_WINDOW = Duration.ofMinutes(1);
    static final Duration MEASURED_OVER = Duration.ofHours(1);

    /** One window of the budget now: what it allows, its length, what is used of it, when it resets. */
    public record BudgetWindow(int allowed, long periodSeconds, int used, Instant resetsAt) {
    }

    /**
     * {@code since}: when the oldest outstanding job was enqueued (null when nothing is outstanding);
     * {@code done} includes {@code dead}; {@code due}: pending jobs whose time has come; {@code doneLastHour}:
     * jobs finished (done or dead) in the last hour; {@code perMinute} is the pace the estimate uses;
     * {@code callsPerJob}: what a job took from the budget, on average over the last hour's ({@code measured})
     * or one step's reservation ({@code declared}); {@code budgetCounts}: {@code calls} or {@code steps}.
     */
    public record Progress(Instant since, long done, long dead, long remaining, long running, long due,
            long doneLastHour, Double perMinute, Double callsPerJob, String callsPerJobBasis, String budgetCounts,
            List<BudgetWindow> budget, Instant estimatedFinish, String estimateBasis) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final RateLimiter rateLimiter;

    public QueueProgress(EntityManager entityManager, Clock clock, RateLimiter rateLimiter) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    @Transactional
    public Progress of(String connectionId, RateLimit limit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                with outstanding as (
                    select min(created) as since, count(*) as remaining, count(*) filter (where state = 'running') as running,
                           count(*) filter (where state = 'pending' and next_attempt_at <= :now) as due
                    from provisioning_job where connection_id = :connection and state in ('pending', 'running')),
                finished as (
                    select count(*) as jobs, avg(budget_used) as per_job from provisioning_job
                    where connection_id = :connection and state in ('done', 'dead') and updated >= :hourStart)
                select o.since, o.remaining, o.running,
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state in ('done', 'dead') and f.updated >= o.since),
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state = 'dead' and f.updated >= o.since),
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state in ('done', 'dead') and f.updated >= greatest(o.since, :paceStart)),
                       o.due, h.jobs, h.per_job
                from outstanding o, finished h""")
                .setParameter("connection", connectionId).setParameter("paceStart", now.minus(PACE_WINDOW))
                .setParameter("now", now).setParameter("hourStart", now.minus(MEASURED_OVER))
                .getSingleResult();
        Instant since = (Instant) row[0];
        long remaining = ((Number) row[1]).longValue();
        long doneLastHour = ((Number) row[7]).longValue();
        Double callsPerJob = row[8] == null ? null : ((Number) row[8]).doubleValue();
        String basis = callsPerJob == null ? "declared" : "measured";
        double perJob = callsPerJob == null ? limit.reservedPerStep() : callsPerJob;
        String counts = limit.countsCalls() ? "calls" : "steps";
        List<RateLimiter.WindowUse> usage = rateLimiter.usage(connectionId, limit);
        List<BudgetWindow> budget = usage.stream()
                .map(use -> new BudgetWindow(use.calls(), use.period().toSeconds(), use.used(), use.resetsAt()))
                .toList();
        if (since == null) {
            return new Progress(null, 0, 0, 0, 0, 0, doneLastHour, null, perJob, basis, counts, budget, null, null);
        }
        long recent = ((Number) row[5]).longValue();
        Duration paced = Duration.between(since.isAfter(now.minus(PACE_WINDOW)) ? since : now.minus(PACE_WINDOW), now);
        Double perMinute = recent > 0 && !paced.isZero() ? recent * 60_000.0 / paced.toMillis() : null;
        Instant start = rateLimiter.pausedUntil(connectionId).filter(now::isBefore).orElse(now);
        Instant observed = perMinute == null ? null : start.plusMillis((long) Math.ceil(remaining * 60_000.0 / perMinute));
        long units = (long) Math.ceil(remaining * perJob);
        Instant allowed = usage.isEmpty() ? null : lastAllowedStart(usage, units, start);
        Instant finish;
        String estimateBasis;
        if (observed != null && (allowed == null || !observed.isBefore(allowed))) {
            finish = observed;
            estimateBasis = "observed";
        } else {
            finish = allowed;
            estimateBasis = allowed == null ? null : "rate_limit";
        }
        return new Progress(since, ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), remaining,
                ((Number) row[2]).longValue(), ((Number) row[6]).longValue(), doneLastHour, perMinute, perJob, basis,
                counts, budget, finish, estimateBasis);
    }

    /**
     * When the vendor's windows let the last of {@code units} budget units start: what is left of each
     * window now, then a full window's budget per period after it resets; the latest over all windows.
     */
    private static Instant lastAllowedStart(List<RateLimiter.WindowUse> usage, long units, Instant start) {
        Instant latest = start;
        for (RateLimiter.WindowUse use : usage) {
            long left = Math.max(0, use.calls() - use.used());
            if (units <= left) {
                continue;
            }
            long periodsAfterReset = (units - left - 1) / use.calls();
            Instant at = use.resetsAt().plus(use.period().multipliedBy(periodsAfterReset));
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }
}
