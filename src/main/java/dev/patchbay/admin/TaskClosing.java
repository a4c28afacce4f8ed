package dev.patchbay.admin;

import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobQueue;
import dev.patchbay.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Completes or dismisses a follow-up task, for the admin API and the console alike. A closed task of a
 * user syncs that user at once, in the same transaction: what it waited for (an approval, an export before
 * a delete) applies now, and the user's state follows.
 */
@ApplicationScoped
public class TaskClosing {

    public static final String DONE = "done";
    public static final String DISMISSED = "dismissed";

    private final FollowUpTasks tasks;
    private final JobQueue jobs;

    public TaskClosing(FollowUpTasks tasks, JobQueue jobs) {
        this.tasks = tasks;
        this.jobs = jobs;
    }

    /** 404 for an unknown task, 409 when it is no longer open. */
    @Transactional
    public FollowUpTask close(UUID taskId, String status, String closedBy, String note) {
        FollowUpTask task = tasks.find(taskId).orElseThrow(() -> ApiException.notFound("No task " + taskId));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (!tasks.close(taskId, status, closedBy, cleanNote)) {
            throw new ApiException(409, "conflict", "Task " + taskId + " is " + task.status() + ", not open");
        }
        if (task.userId() != null) {
            jobs.enqueue(task.connectionId(), task.userId());
        }
        return tasks.find(taskId).orElseThrow();
    }
}
