package dev.patchbay.provisioning;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Step;
import dev.patchbay.job.JobResult;
import dev.patchbay.job.RateLimiter;
import dev.patchbay.job.VendorCircuit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What a failed step means for the user's sync: record it (timeline, status, metrics), raise the task a
 * person must do, and either go on with the user's other steps or end the run with a job result.
 */
@ApplicationScoped
class StepFailures {

    static final Duration NEEDS_ACTION_RECHECK = Duration.ofMinutes(15);

    private final VendorAccounts accounts;
    private final ProvisioningEvents events;
    private final TaskRaiser raiser;
    private final RateLimiter rateLimiter;
    private final MeterRegistry metrics;
    private final CredentialPause credentials;
    private final VendorCircuit circuit;
    private final Duration retryFor;
    private static final Logger LOG = Logger.getLogger(StepFailures.class);

    StepFailures(VendorAccounts accounts, ProvisioningEvents events, TaskRaiser raiser, RateLimiter rateLimiter,
            MeterRegistry metrics, CredentialPause credentials, VendorCircuit circuit,
            @ConfigProperty(name = "patchbay.worker.retry-for", defaultValue = "24h") Duration retryFor) {
        this.circuit = circuit;
        this.retryFor = retryFor;
        this.credentials = credentials;
        this.accounts = accounts;
        this.events = events;
        this.raiser = raiser;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    /** The run's end, or empty when the user's other steps go on. */
    Optional<JobResult> onFailure(SyncRun run, Step step, RuntimeException failure) {
        String what = StepNames.describe(step) + ": " + failure.getMessage();
        if (failure instanceof ConnectorException.NeedsAction e) {
            raiser.raise(run, e.template().kind(), StepNames.taskField(step),
                    e.template().reasonFor(null, null, null) + ": " + e.getMessage(), e.template().consolePath());
            if (step instanceof Step.Create) {
                // Without the account nothing else can be done yet.
                save(run, VendorAccount.NEEDS_ACTION, e.getMessage());
                return Optional.of(new JobResult.Wait(NEEDS_ACTION_RECHECK));
            }
            return Optional.empty();
        }
        if (failure instanceof ConnectorException.NotFound e) {
            // The account is gone at the vendor: forget it, and the next run creates it again.
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "error", what);
            run.vendorId = null;
            run.applied = null;
            save(run, VendorAccount.PENDING, e.getMessage());
            return Optional.of(retry(run, null, e.getMessage()));
        }
        if (failure instanceof ConnectorException.Retryable e) {
            count(run, e.retryAfter().isPresent() ? "rate_limited" : "retry");
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "retry", what);
            LOG.infof("Retrying user %s of connection %s later: %s", run.job.userId(), run.job.connectionId(), what);
            save(run, VendorAccount.PENDING, e.getMessage());
            if (e.retryAfter().isPresent()) {
                // The vendor said when to come back: every instance's jobs for this account wait.
                rateLimiter.pause(run.job.connectionId(), e.retryAfter().get());
            } else {
                circuit.failed(run.job.connectionId(), run.job.id(), e.getMessage());
            }
            var policy = run.plan.capabilities().retryPolicy();
            // A vendor outage is waited out: retried for retryFor, however many attempts that takes.
            return Optional.of(JobResult.RetryLater.forDuration(
                    policy.delayFor(run.job.attempt(), e.retryAfter().orElse(null)), retryFor, e.getMessage()));
        }
        if (failure instanceof ConnectorException.AuthFailed e) {
            events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "error", what);
            save(run, VendorAccount.FAILED, "Vendor credentials rejected: " + e.getMessage());
            // Not this user's failure: the connection waits, and the job with it, without using up attempts.
            credentials.pause(run.job.connectionId(), e.getMessage());
            return Optional.of(new JobResult.Wait(CredentialPause.RECHECK));
        }
        count(run, "failed");
        String message = failure instanceof ConnectorException ? failure.getMessage()
                : "the connector failed unexpectedly (" + failure.getClass().getSimpleName() + ": "
                        + failure.getMessage() + ")";
        String reason = StepNames.describe(step) + ": " + message;
        events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "failed", reason);
        save(run, VendorAccount.FAILED, message);
        return Optional.of(new JobResult.Failed(reason, failure instanceof ConnectorException.Conflict));
    }

    private JobResult retry(SyncRun run, Duration retryAfter, String error) {
        var policy = run.plan.capabilities().retryPolicy();
        return new JobResult.RetryLater(policy.delayFor(run.job.attempt(), retryAfter), policy.maxAttempts(), error);
    }

    private void save(SyncRun run, String status, String error) {
        accounts.save(run.job.connectionId(), run.job.userId(),
                new VendorAccount(run.vendorId, run.applied, status, error, run.remaining(), null));
    }

    private void count(SyncRun run, String outcome) {
        metrics.counter("patchbay_vendor_steps_total", "connection", run.job.connectionId(), "outcome", outcome)
                .increment();
    }
}
