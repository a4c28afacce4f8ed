package dev.patchbay.admin;

import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
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

    public record Close(@Size(max = 200) String closedBy, @Size(max = 2000) String note) {
    }

    private final FollowUpTasks tasks;
    private final TaskClosing closing;

    public TaskResource(FollowUpTasks tasks, TaskClosing closing) {
        this.tasks = tasks;
        this.closing = closing;
    }

    @GET
    public TaskList list(@QueryParam("connection") String connection, @QueryParam("user") String user,
            @QueryParam("status") @Pattern(regexp = "open|done|verified|dismissed",
                    message = "must be one of open, done, verified, dismissed") String status,
            @QueryParam("vendor") @Size(max = 64) String vendor, @QueryParam("kind") @Size(max = 64) String kind,
            @QueryParam("sort") @Pattern(regexp = "created|cost", message = "must be created or cost") String sort,
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "\\d{1,9}", message = "must be a non-negative whole number") String page,
            @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "\\d{1,3}", message = "must be a non-negative whole number") String size) {
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalid("size", "must be between 1 and 200");
        }
        FollowUpTasks.Filter filter = new FollowUpTasks.Filter(blankToNull(connection),
                user == null ? null : parse(user, "user"), status, blankToNull(vendor), blankToNull(kind),
                "cost".equals(sort));
        return new TaskList(tasks.list(filter, Integer.parseInt(page) * pageSize, pageSize));
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
        return close(id, TaskClosing.DONE, body);
    }

    @POST
    @Path("{id}/dismiss")
    @Transactional
    public FollowUpTask dismiss(@PathParam("id") String id, Close body) {
        return close(id, TaskClosing.DISMISSED, body);
    }

    private FollowUpTask close(String id, String status, Close body) {
        String closedBy = body == null || body.closedBy() == null ? "admin" : body.closedBy();
        return closing.close(parse(id, "id"), status, closedBy, body == null ? null : body.note());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
