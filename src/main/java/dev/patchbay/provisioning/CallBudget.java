package dev.patchbay.provisioning;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A sync's share of the vendor account's budget. A budget of steps takes one per step. A budget of calls
 * reserves the declared calls of a step before it starts (held apart from the calls counted), then counts
 * what the connector's meter counted and ends the reservation. Both follow the vendor's own counters when
 * it reported them, and turn the credentials the vendor refused or accepts again into tasks opened or closed.
 */
@ApplicationScoped
class CallBudget {

    private final RateLimiter rateLimiter;
    private final CredentialPause credentials;
    private final JobQueue jobs;
    private final MeterRegistry metrics;
    private final Clock clock;

    CallBudget(RateLimiter rateLimiter, CredentialPause credentials, JobQueue jobs, MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.credentials = credentials;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    /** Takes a step's share before it runs; how long to wait when the budget is spent. */
    Optional<Duration> reserve(SyncRun run) {
        int calls = run.rateLimit.reservedPerStep();
        Optional<Duration> wait = run.rateLimit.countsCalls()
                ? rateLimiter.reserve(run.job.connectionId(), run.rateLimit, run.job.id(), calls)
                : rateLimiter.acquire(run.job.connectionId(), run.rateLimit, calls, 1.0);
        metrics.counter("patchbay_budget_reservations_total", "connection", run.job.connectionId(),
                "outcome", wait.isEmpty() ? "granted" : "refused").increment();
        if (wait.isEmpty() && run.rateLimit.countsCalls()) {
            run.callsReserved = calls;
        } else if (wait.isEmpty()) {
            run.stepsTaken += calls;
        } else if (wait.get().compareTo(HOLD_AFTER) > 0) {
            // The window is spent: the connection's other jobs wait for it too, rather than each finding out.
            jobs.holdUntil(run.job.connectionId(), clock.instant().plus(wait.get()));
        }
        return wait;
    }

    /** A wait for the budget longer than this holds every job of the connection (shorter ones end by themselves). */
    static final Duration HOLD_AFTER = Duration.ofSeconds(1);

    /** Adds what the run took from the budget (after {@link #settle}) to its job's measured cost. */
    void recordUse(SyncRun run) {
        int used = run.rateLimit.countsCalls() ? run.callsCharged : run.stepsTaken;
        metrics.counter("patchbay_sync_runs_total", "connection", run.job.connectionId(),
                "budget", used > 0 ? "used" : "none").increment();
        if (used > 0) {
            jobs.addBudgetUse(run.job.id(), used);
        }
    }

    /** Brings the budget to what the run's calls so far came to. */
    void settle(SyncRun run) {
        CallMeter meter = run.context.meter();
        for (CallMeter.CredentialChange change : meter.takeCredentialChanges()) {
            if (change.reason() == null) {
                credentials.reinstated(run.job.connectionId(), change.credential());
            } else {
                credentials.setAside(run.job.connectionId(), change.credential(), change.reason());
            }
        }
        if (!run.rateLimit.countsCalls()) {
            // A budget of steps still follows the vendor's counts: they bound it from below.
            meter.takeReported().forEach(count -> rateLimiter.follow(run.job.connectionId(), run.rateLimit, count));
            return;
        }
        int uncounted = meter.calls() - run.callsCharged;
        if (uncounted != 0 || run.callsReserved > 0) {
            rateLimiter.settle(run.job.connectionId(), run.rateLimit, run.job.id(), uncounted);
            run.callsCharged += uncounted;
            run.callsReserved = 0;
        }
        meter.takeReported().forEach(count -> rateLimiter.follow(run.job.connectionId(), run.rateLimit, count));
    }
}
