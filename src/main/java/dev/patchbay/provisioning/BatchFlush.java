package dev.patchbay.provisioning;

import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follow-ups the vendor sets for many users at once ({@code Capabilities.batched}). A user's step is left
 * in {@link BatchedSteps} and the job waits; whichever of the connection's jobs runs once the oldest
 * step waited {@code patchbay.batch.linger} (or a call's worth is waiting) sends them together within its
 * budget, records each user's outcome on its own, and makes those users' jobs due; when every job of the
 * connection waits for a batch (the end of a wave), the last to leave its step sends them without lingering. Each job then takes
 * its own outcome: done, or its own failure (a partial failure retries only the users it failed for).
 */
@ApplicationScoped
class BatchFlush {

    private final BatchedSteps steps;
    private final JobQueue jobs;
    private final CallBudget budget;
    private final Duration linger;
    private final int size;
    private final boolean whenEveryJobWaits;

    BatchFlush(BatchedSteps steps, JobQueue jobs, CallBudget budget,
            @ConfigProperty(name = "patchbay.batch.linger", defaultValue = "15s") Duration linger,
            @ConfigProperty(name = "patchbay.batch.size", defaultValue = "100") int size,
            @ConfigProperty(name = "patchbay.batch.when-every-job-waits", defaultValue = "true") boolean whenEveryJobWaits) {
        this.whenEveryJobWaits = whenEveryJobWaits;
        this.steps = steps;
        this.jobs = jobs;
        this.budget = budget;
        this.linger = linger;
        this.size = size;
    }

    /**
     * Whether this step goes out with other users': the account exists, the vendor batches the field and
     * the step sets a value. Offboarding never waits for a batch (nor does clearing a field, which must
     * take away what a person added by hand too).
     */
    boolean batched(SyncRun run, Step step) {
        return step instanceof Step.Apply apply && run.vendorId != null && run.plan.desired() != null
                && run.plan.desired().active()
                && apply.value() != null && !(apply.value() instanceof java.util.Collection<?> values && values.isEmpty())
                && run.plan.capabilities().batched().contains(apply.field());
    }

    /** The outcome of the user's batched step: empty while it waits to be sent (the job waits too). */
    Optional<BatchedSteps.Row> outcome(SyncRun run, Step.Apply apply) {
        Optional<BatchedSteps.Row> row = steps.find(run.job.connectionId(), run.job.userId(), apply.field(),
                apply.value());
        if (row.isEmpty()) {
            steps.leave(run.job.connectionId(), run.job.userId(), apply.field(), run.vendorId, apply.value(),
                    run.applied == null ? null : run.applied.get(apply.field()));
            return Optional.empty();
        }
        if ("done".equals(row.get().state()) || "failed".equals(row.get().state())) {
            steps.remove(row.get().id());
            return row;
        }
        return Optional.empty();
    }

    /**
     * How long a job whose step waits in a batch waits before it looks again: the linger, or until the
     * budget has room when the flush could not go out for want of it.
     */
    JobResult waitForBatch(SyncRun run) {
        Duration budget = run.batchBudgetWait;
        return new JobResult.Wait(budget != null && budget.compareTo(linger) > 0 ? budget : linger);
    }

    /** Sends the connection's waiting steps when they are due and the budget has room. */
    void flushIfDue(SyncRun run) {
        if (!run.plan.capabilities().batched().isEmpty() && steps.due(run.job.connectionId(), linger, size)) {
            flush(run);
        }
    }

    /**
     * Sends the waiting steps at once when every job of the connection waits for one, the run's own just left
     * included (nobody else is left to join them); whether they went out.
     */
    boolean flushIfEveryJobWaits(SyncRun run) {
        return whenEveryJobWaits && steps.everyJobWaits(run.job.connectionId()) && flush(run);
    }

    private boolean flush(SyncRun run) {
        String connectionId = run.job.connectionId();
        Optional<Duration> wait = budget.reserve(run);
        if (wait.isPresent()) {
            run.batchBudgetWait = wait.get();
            return false;
        }
        try {
            List<BatchedSteps.Row> claimed = steps.claim(connectionId, size);
            Map<SeatField, List<BatchedSteps.Row>> byField = new EnumMap<>(SeatField.class);
            claimed.forEach(row -> byField.computeIfAbsent(row.field(), field -> new ArrayList<>()).add(row));
            Map<Long, ConnectorException> failures = new HashMap<>();
            byField.forEach((field, rows) -> failures.putAll(send(run, field, rows)));
            steps.record(claimed, failures);
            List<UUID> users = claimed.stream().map(BatchedSteps.Row::userId).distinct().toList();
            jobs.makeUsersDue(connectionId, users);
            return true;
        } finally {
            budget.settle(run);
        }
    }

    private Map<Long, ConnectorException> send(SyncRun run, SeatField field, List<BatchedSteps.Row> rows) {
        List<BatchItem> items = rows.stream().map(steps::item).toList();
        try {
            return run.connector.applyBatch(field, items, run.context);
        } catch (RuntimeException whole) {
            // The call failed as a whole: each of its users fails with it (and retries on its own).
            ConnectorException failure = whole instanceof ConnectorException connector ? connector
                    : new ConnectorException.Rejected("the connector failed unexpectedly: " + whole.getMessage());
            Map<Long, ConnectorException> failures = new HashMap<>();
            rows.forEach(row -> failures.put(row.id(), failure));
            return failures;
        }
    }
}
