package dev.patchbay.console;

import dev.patchbay.admin.TaskResource;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The task inbox across connections, most expensive first; complete or dismiss with a note. */
@Path("/console/tasks")
@Produces(MediaType.TEXT_HTML)
public class TaskPagesResource {

    static final int PAGE_SIZE = 50;
    static final List<String> STATUSES = List.of("open", "done", "verified", "dismissed");

    /** {@code canClose}: whether the role may complete and dismiss (the admin API's permission). */
    public record TasksView(String vendor, String kind, String status, List<String> vendors, List<String> statuses,
            List<FollowUpTask> tasks, boolean canClose, String previousUrl, String nextUrl) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tasks(ConsoleSession me, TasksView view);
    }

    private final TaskResource taskApi;
    private final ConnectorRegistry vendors;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;

    public TaskPagesResource(TaskResource taskApi, ConnectorRegistry vendors, ConsoleCaller caller,
            ConsoleAudit audit) {
        this.taskApi = taskApi;
        this.vendors = vendors;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("vendor") String vendor, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("page") String page) {
        String shownStatus = status == null ? "open" : status;
        int pageNumber;
        List<FollowUpTask> tasks;
        try {
            pageNumber = page == null || page.isBlank() ? 0 : Integer.parseInt(page.strip());
            if (pageNumber < 0) {
                throw new NumberFormatException();
            }
            tasks = taskApi.list(null, null, shownStatus.isEmpty() ? null : shownStatus, vendor, kind, "cost",
                    String.valueOf(pageNumber), String.valueOf(PAGE_SIZE)).items();
        } catch (NumberFormatException e) {
            throw ConsoleErrors.refused(400, "page must be a non-negative whole number");
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        } catch (jakarta.validation.ConstraintViolationException e) {
            throw ConsoleErrors.refused(400, "The filter is invalid: " + e.getConstraintViolations().stream()
                    .map(violation -> violation.getMessage()).sorted().toList());
        }
        String previous = pageNumber == 0 ? null
                : Links.of("/console/tasks", "vendor", vendor, "kind", kind, "status", shownStatus, "page",
                        String.valueOf(pageNumber - 1));
        String next = tasks.size() < PAGE_SIZE ? null
                : Links.of("/console/tasks", "vendor", vendor, "kind", kind, "status", shownStatus, "page",
                        String.valueOf(pageNumber + 1));
        return Templates.tasks(caller.session(), new TasksView(vendor == null ? "" : vendor, kind == null ? "" : kind,
                shownStatus, vendors.vendors().stream().map(dev.patchbay.connector.Vendor::id).toList(), STATUSES, tasks,
                caller.may("/admin/v1/tasks/0/complete"), previous, next));
    }

    @POST
    @Path("{id}/complete")
    public Response complete(@PathParam("id") String id, @FormParam("csrf") String csrf,
            @FormParam("note") String note, @Context HttpServerRequest http) {
        return close(id, "complete", csrf, note, http);
    }

    @POST
    @Path("{id}/dismiss")
    public Response dismiss(@PathParam("id") String id, @FormParam("csrf") String csrf,
            @FormParam("note") String note, @Context HttpServerRequest http) {
        return close(id, "dismiss", csrf, note, http);
    }

    private Response close(String id, String action, String csrf, String note, HttpServerRequest http) {
        caller.requireWrite(csrf, "/admin/v1/tasks/" + id + "/" + action);
        if (note != null && note.length() > 2000) {
            throw ConsoleErrors.refused(400, "The note must be at most 2000 characters.");
        }
        FollowUpTask closed;
        try {
            TaskResource.Close body = new TaskResource.Close(caller.session().actor(), note);
            closed = "complete".equals(action) ? taskApi.complete(id, body) : taskApi.dismiss(id, body);
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        audit.record(caller.session(), http, action, closed.connectionId(), "tasks", id, 303);
        return Response.seeOther(URI.create("/console/tasks")).build();
    }
}
