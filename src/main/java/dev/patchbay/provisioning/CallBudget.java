package dev.patchbay.provisioning;

import dev.patchbay.connector.CallMeter;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * A sync's share of the vendor account's budget. A budget of steps takes one per step. A budget of calls
 * reserves the declared calls of a step before it starts, then charges what the connector's meter counted
 * (giving back what was not used), follows the vendor's own counters when it reported them, and turns the
 * credentials the vendor refused or accepts again into tasks opened or closed.
 */
@ApplicationScoped
class CallBudget {

    private final RateLimiter rateLimiter;
    private final CredentialPause credentials;
    private final JobQueue jobs;

    CallBudget(RateLimiter rateLimiter, CredentialPause credentials, JobQueue jobs) {
        this.rateLimiter = rateLimiter;
        this.credentials = credentials;
        this.jobs = jobs;
    }

    /** Takes a step's share before it runs; how long to wait when the budget is spent. */
    Optional<Duration> reserve(SyncRun run) {
        int calls = run.rateLimit.reservedPerStep();
        Optional<Duration> wait = rateLimiter.acquire(run.job.connectionId(), run.rateLimit, calls, 1.0);
        if (wait.isEmpty() && run.rateLimit.countsCalls()) {
            run.callsCharged += calls;
        } else if (wait.isEmpty()) {
            run.stepsTaken += calls;
        }
        return wait;
    }

    /** Adds what the run took from the budget (after {@link #settle}) to its job's measured cost. */
    void recordUse(SyncRun run) {
        int used = run.rateLimit.countsCalls() ? run.callsCharged : run.stepsTaken;
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
            return;
        }
        int made = meter.calls();
        if (made != run.callsCharged) {
            rateLimiter.charge(run.job.connectionId(), run.rateLimit, made - run.callsCharged);
            run.callsCharged = made;
        }
        meter.takeReported().ifPresent(count -> rateLimiter.follow(run.job.connectionId(), run.rateLimit, count));
    }
}
