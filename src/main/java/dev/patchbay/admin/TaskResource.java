package dev.patchbay.admin;

import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobQueue;
import dev.patchbay.web.ApiException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** Follow-up tasks: work a person must do at the vendor. */
@Path("/admin/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    public record TaskList(List<FollowUpTask> items) {
    }

    public record Close(@Size(max = 200) String closedBy) {
    }

    private final FollowUpTasks tasks;
    private final JobQueue jobs;

    public TaskResource(FollowUpTasks tasks, JobQueue jobs) {
        this.tasks = tasks;
        this.jobs = jobs;
    }

    @GET
    public TaskList list(@QueryParam("connection") String connection, @QueryParam("user") String user,
            @QueryParam("status") @Pattern(regexp = "open|done|verified|dismissed",
                    message = "must be one of open, done, verified, dismissed") String status,
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "\\d{1,9}", message = "must be a non-negative whole number") String page,
            @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "\\d{1,3}", message = "must be a non-negative whole number") String size) {
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalid("size", "must be between 1 and 200");
        }
        return new TaskList(tasks.list(connection, user == null ? null : parse(user, "user"), status,
                Integer.parseInt(page) * pageSize, pageSize));
    }

    @GET
    @Path("{id}")
    public FollowUpTask get(@PathParam("id") String id) {
        return tasks.find(parse(id, "id")).orElseThrow(() -> ApiException.notFound("No task " + id));
    }

    @POST
    @Path("{id}/complete")
    @Transactional
    public FollowUpTask complete(@PathParam("id") String id, Close body) {
        return close(id, "done", body);
    }

    @POST
    @Path("{id}/dismiss")
    @Transactional
    public FollowUpTask dismiss(@PathParam("id") String id, Close body) {
        return close(id, "dismissed", body);
    }

    /**
     * A closed task of a user syncs that user at once, in the same transaction: what it waited for (an
     * approval, an export before a delete) applies now, and the user's state follows.
     */
    private FollowUpTask close(String id, String status, Close body) {
        UUID taskId = parse(id, "id");
        FollowUpTask task = tasks.find(taskId).orElseThrow(() -> ApiException.notFound("No task " + id));
        String closedBy = body == null || body.closedBy() == null ? "admin" : body.closedBy();
        if (!tasks.close(taskId, status, closedBy)) {
            throw new ApiException(409, "conflict", "Task " + id + " is " + task.status() + ", not open");
        }
        if (task.userId() != null) {
            jobs.enqueue(task.connectionId(), task.userId());
        }
        return tasks.find(taskId).orElseThrow();
    }

    private static UUID parse(String id, String field) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            if (field.equals("id")) {
                throw ApiException.notFound("No task " + id);
            }
            throw ApiException.invalid(field, "must be a UUID");
        }
    }
}
