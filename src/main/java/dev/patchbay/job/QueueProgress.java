package dev.patchbay.job;

import dev.patchbay.connector.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How far a connection's current wave has got: the jobs outstanding now, those finished since the oldest
 * of them was enqueued, and when the rest should be done, from the pace of the last minute (or, before
 * anything finished, from the vendor's rate limit at one step a job).
 */
@ApplicationScoped
public class QueueProgress {

    static final Duration PACE_WINDOW = Duration.ofMinutes(1);

    /**
     * {@code since}: when the oldest outstanding job was enqueued (null when nothing is outstanding);
     * {@code done} includes {@code dead}; {@code perMinute} is the pace the estimate uses.
     */
    public record Progress(Instant since, long done, long dead, long remaining, long running, Double perMinute,
            Instant estimatedFinish, String estimateBasis) {
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
                    select min(created) as since, count(*) as remaining, count(*) filter (where state = 'running') as running
                    from provisioning_job where connection_id = :connection and state in ('pending', 'running'))
                select o.since, o.remaining, o.running,
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state in ('done', 'dead') and f.updated >= o.since),
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state = 'dead' and f.updated >= o.since),
                       (select count(*) from provisioning_job f where f.connection_id = :connection
                          and f.state in ('done', 'dead') and f.updated >= greatest(o.since, :paceStart))
                from outstanding o""")
                .setParameter("connection", connectionId).setParameter("paceStart", now.minus(PACE_WINDOW))
                .getSingleResult();
        Instant since = (Instant) row[0];
        long remaining = ((Number) row[1]).longValue();
        if (since == null) {
            return new Progress(null, 0, 0, 0, 0, null, null, null);
        }
        long recent = ((Number) row[5]).longValue();
        Duration paced = Duration.between(since.isAfter(now.minus(PACE_WINDOW)) ? since : now.minus(PACE_WINDOW), now);
        Double perMinute = recent > 0 && !paced.isZero() ? recent * 60_000.0 / paced.toMillis() : null;
        Instant start = rateLimiter.pausedUntil(connectionId).filter(now::isBefore).orElse(now);
        Instant observed = perMinute == null ? null : start.plusMillis((long) Math.ceil(remaining * 60_000.0 / perMinute));
        Instant allowed = limit.windows().isEmpty() ? null : lastAllowedStart(connectionId, limit, remaining, start);
        Instant finish;
        String basis;
        if (observed != null && (allowed == null || !observed.isBefore(allowed))) {
            finish = observed;
            basis = "observed";
        } else {
            finish = allowed;
            basis = allowed == null ? null : "rate_limit";
        }
        return new Progress(since, ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), remaining,
                ((Number) row[2]).longValue(), perMinute, finish, basis);
    }

    /**
     * When the vendor's windows let the last of {@code remaining} one-step jobs start: what is left of each
     * window now, then a full window's budget per period after it resets; the latest over all windows.
     */
    private Instant lastAllowedStart(String connectionId, RateLimit limit, long remaining, Instant start) {
        Instant latest = start;
        for (RateLimiter.WindowUse use : rateLimiter.usage(connectionId, limit)) {
            long left = Math.max(0, use.calls() - use.used());
            if (remaining <= left) {
                continue;
            }
            long periodsAfterReset = (remaining - left - 1) / use.calls();
            Instant at = use.resetsAt().plus(use.period().multipliedBy(periodsAfterReset));
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }
}
