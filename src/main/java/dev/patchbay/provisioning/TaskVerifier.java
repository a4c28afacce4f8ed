package dev.patchbay.provisioning;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
import jakarta.enterprise.context.ApplicationScoped;

/** Closes a user's open tasks that the vendor now shows done, as verified. */
@ApplicationScoped
class TaskVerifier {

    static final int MAX_TASKS_PER_SYNC = 100;

    private final FollowUpTasks tasks;
    private final ProvisioningEvents events;

    TaskVerifier(FollowUpTasks tasks, ProvisioningEvents events) {
        this.tasks = tasks;
        this.events = events;
    }

    /**
     * Before a run's steps, in one read of the user's open tasks: a "missing field" task is done once the
     * IdP or the policy supplies the field, and an approval of a kind in {@code awaitedByKind} whose field
     * the plan no longer awaits is dismissed (the user no longer asks for it).
     */
    void settleBeforeSteps(SyncRun run, java.util.Map<String, java.util.Set<String>> awaitedByKind) {
        for (FollowUpTask task : openTasks(run)) {
            java.util.Set<String> awaited = awaitedByKind.get(task.kind());
            if (awaited != null && !awaited.contains(task.field())
                    && tasks.close(task.id(), "dismissed", "patchbay (no longer requested)")) {
                events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task",
                        task.kind() + ": " + task.field() + " is no longer requested; dismissed");
            } else if (run.plan.desired() != null && Capabilities.MISSING_FIELD.kind().equals(task.kind())
                    && supplied(run, task.field()) && tasks.verify(task.id())) {
                events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task",
                        task.kind() + ": " + task.field() + " is set now; closed");
            }
        }
    }

    /** Closes the user's open task of this kind and field (null: none) as verified at the vendor. */
    void closeVerified(SyncRun run, String kind, String field) {
        for (FollowUpTask task : openTasks(run)) {
            if (task.kind().equals(kind) && java.util.Objects.equals(field, task.field()) && tasks.verify(task.id())) {
                events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task",
                        task.kind() + ": verified at the vendor and closed");
            }
        }
    }

    private static boolean supplied(SyncRun run, String field) {
        try {
            return run.plan.desired().has(SeatField.valueOf(field.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private java.util.List<FollowUpTask> openTasks(SyncRun run) {
        return tasks.list(run.job.connectionId(), run.job.userId(), "open", 0, MAX_TASKS_PER_SYNC);
    }

    /** Closes the open tasks the vendor shows done; true when one of them was for a field of the seat. */
    boolean verifyOpenTasks(SyncRun run) {
        if (run.vendorId == null) {
            return false;
        }
        VendorRef ref = new VendorRef(run.vendorId);
        boolean fieldDone = false;
        for (FollowUpTask task : openTasks(run)) {
            try {
                boolean done = run.connector.isDone(ref, new TaskCheck(task.kind(), task.field()), run.context)
                        .orElse(false);
                if (done && tasks.verify(task.id())) {
                    events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task",
                            task.kind() + ": verified at the vendor and closed");
                    fieldDone |= isSeatField(task.field());
                }
            } catch (ConnectorException e) {
                events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "error",
                        "verifying " + task.kind() + ": " + e.getMessage());
            }
        }
        return fieldDone;
    }

    private static boolean isSeatField(String field) {
        if (field == null) {
            return false;
        }
        try {
            dev.patchbay.connector.SeatField.valueOf(field.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
