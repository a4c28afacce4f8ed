package dev.patchbay.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.PolicyResource;
import dev.patchbay.admin.ProvisioningResource;
import dev.patchbay.admin.SeatDiff;
import dev.patchbay.admin.UserDirectory;
import dev.patchbay.followup.FollowUpTask;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobQueue;
import dev.patchbay.provisioning.ProvisioningEvents;
import dev.patchbay.provisioning.UserService;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.store.Connection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** A connection's users (search, state, pages), its dead jobs, and each user's seat, timeline and tasks. */
@Path("/console/connections/{connection}")
@Produces(MediaType.TEXT_HTML)
public class ConnectionPagesResource {

    static final String PAGE_SIZE = "50";

    public record UsersView(String id, String name, String vendor, String q, String state, List<String> states,
            List<UserDirectory.ListedUser> users, String nextUrl, List<JobQueue.DeadJob> deadJobs,
            boolean canRedrive) {
    }

    /** One seat field, as the policy wants it and as the vendor last got it. */
    public record SeatRow(String field, String desired, String applied, boolean differs) {
    }

    public record UserView(String connectionId, String connectionName, UUID id, String userName, String state,
            String vendorId, String lastError, List<SeatRow> seat, String planNote,
            List<ProvisioningEvents.Event> events, List<FollowUpTask> tasks, boolean canSync,
            List<JobQueue.DeadJob> deadJobs, boolean canRedrive) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance connection(ConsoleSession me, UsersView view);

        static native TemplateInstance user(ConsoleSession me, UserView view);
    }

    private final ConnectionService connections;
    private final ProvisioningResource provisioning;
    private final PolicyResource policies;
    private final UserService users;
    private final FollowUpTasks tasks;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;
    private final UserDirectory directory;

    public ConnectionPagesResource(ConnectionService connections, ProvisioningResource provisioning,
            PolicyResource policies, UserService users, FollowUpTasks tasks, ConsoleCaller caller,
            ConsoleAudit audit, UserDirectory directory) {
        this.directory = directory;
        this.connections = connections;
        this.provisioning = provisioning;
        this.policies = policies;
        this.users = users;
        this.tasks = tasks;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance users(@PathParam("connection") String id, @QueryParam("q") String q,
            @QueryParam("state") String state, @QueryParam("cursor") String cursor) {
        Connection connection = connection(id);
        UserDirectory.UserPage page;
        try {
            page = provisioning.users(id, q, state, cursor, PAGE_SIZE);
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        String base = "/console/connections/" + Links.encode(id);
        String next = page.nextCursor() == null ? null : Links.of(base, "q", q, "state", state, "cursor", page.nextCursor());
        return Templates.connection(caller.session(), new UsersView(id, connection.displayName, connection.vendor,
                q == null ? "" : q, state == null ? "" : state, new ArrayList<>(new TreeSet<>(UserDirectory.STATES)),
                page.items(), next, provisioning.deadJobs(id).items(),
                caller.may("/admin/v1/connections/" + id + "/jobs/0/redrive")));
    }

    @GET
    @Path("users/{user}")
    public TemplateInstance user(@PathParam("connection") String id, @PathParam("user") String user) {
        Connection connection = connection(id);
        UUID userId = userId(id, user);
        ProvisioningResource.Timeline timeline;
        try {
            timeline = provisioning.timeline(id, userId.toString());
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        String userName = users.find(id, userId).map(stored -> stored.data().userName()).orElse("(deleted at the IdP)");
        VendorAccount account = timeline.account();
        List<SeatRow> seat = List.of();
        String planNote = null;
        try {
            ObjectNode plan = policies.dryRun(id, new PolicyResource.DryRun(userId.toString(), null));
            seat = seatRows(plan.get("desired"), plan.get("applied"));
            planNote = plan.withArray("steps").size() + " step(s) would run now";
        } catch (ApiException e) {
            planNote = e.getMessage();
        }
        List<ProvisioningEvents.Event> events = new ArrayList<>(timeline.events());
        java.util.Collections.reverse(events);
        return Templates.user(caller.session(), new UserView(id, connection.displayName, userId, userName,
                account == null ? VendorAccount.PENDING : account.status(),
                account == null ? null : account.vendorId(), account == null ? null : account.lastError(), seat,
                planNote, events, tasks.list(new FollowUpTasks.Filter(id, userId, null, null, null, false), 0, 50),
                caller.may("/admin/v1/connections/" + id + "/users/" + userId + "/sync"),
                provisioning.userDeadJobs(id, userId.toString()).items(),
                caller.may("/admin/v1/connections/" + id + "/jobs/0/redrive")));
    }

    @POST
    @Path("users/{user}/sync")
    public Response sync(@PathParam("connection") String id, @PathParam("user") String user,
            @FormParam("csrf") String csrf, @Context HttpServerRequest http) {
        connection(id);
        UUID userId = userId(id, user);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/users/" + userId + "/sync");
        try {
            provisioning.sync(id, userId.toString());
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        audit.record(caller.session(), http, "sync", id, "users", userId.toString(), 303);
        return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/users/" + userId)).build();
    }

    @POST
    @Path("jobs/{job}/redrive")
    public Response redrive(@PathParam("connection") String id, @PathParam("job") String job,
            @FormParam("csrf") String csrf, @FormParam("user") String user, @Context HttpServerRequest http) {
        connection(id);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/jobs/" + job + "/redrive");
        try {
            provisioning.redrive(id, job);
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        audit.record(caller.session(), http, "redrive", id, "jobs", job, 303);
        String back = "/console/connections/" + Links.encode(id);
        return Response.seeOther(URI.create(user == null || user.isBlank() ? back
                : back + "/users/" + userId(id, user))).build();
    }

    private Connection connection(String id) {
        return found(connections, id);
    }

    /** The connection, or a 404 page. */
    static Connection found(ConnectionService connections, String id) {
        return connections.find(id).orElseThrow(() -> ConsoleErrors.refused(404, "No connection '" + id + "'"));
    }

    /** The user by SCIM id or userName, as the admin API takes them. */
    private UUID userId(String connection, String user) {
        return directory.resolve(connection, user)
                .orElseThrow(() -> ConsoleErrors.refused(404, "Connection '" + connection + "' has no user " + user));
    }

    /** A row per seat field: the seat's {@code fields} one by one, then its other members (active, ...). */
    static List<SeatRow> seatRows(JsonNode desired, JsonNode applied) {
        return SeatDiff.fields(desired, applied).stream()
                .map(field -> new SeatRow(field.field(), field.left(), field.right(), field.differs())).toList();
    }
}
