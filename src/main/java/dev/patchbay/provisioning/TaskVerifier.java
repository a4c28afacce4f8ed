package dev.patchbay.provisioning;

import dev.patchbay.connector.ConnectorException;
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

    void verifyOpenTasks(SyncRun run) {
        if (run.vendorId == null) {
            return;
        }
        VendorRef ref = new VendorRef(run.vendorId);
        for (FollowUpTask task : tasks.list(run.job.connectionId(), run.job.userId(), "open", 0, MAX_TASKS_PER_SYNC)) {
            try {
                boolean done = run.connector.isDone(ref, new TaskCheck(task.kind(), task.field()), run.context)
                        .orElse(false);
                if (done && tasks.verify(task.id())) {
                    events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "task",
                            task.kind() + ": verified at the vendor and closed");
                }
            } catch (ConnectorException e) {
                events.record(run.job.connectionId(), run.job.userId(), run.job.id(), "error",
                        "verifying " + task.kind() + ": " + e.getMessage());
            }
        }
    }
}
