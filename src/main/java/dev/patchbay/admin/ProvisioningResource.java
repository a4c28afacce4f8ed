package dev.patchbay.admin;

import dev.patchbay.job.JobQueue;
import dev.patchbay.job.QueueProgress;
import dev.patchbay.provisioning.ConnectionProgress;
import dev.patchbay.provisioning.ProvisioningEvents;
import dev.patchbay.provisioning.UserService;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.provisioning.VendorAccounts;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiException;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Where admins see provisioning: each user's timeline, and jobs that gave up (dead letters). */
@Path("/admin/v1/connections/{connection}")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningResource {

    /** {@code userName}: null once the IdP deleted the user. */
    public record Timeline(UUID userId, String userName, VendorAccount account, List<ProvisioningEvents.Event> events) {
    }

    public record DeadJobs(List<JobQueue.DeadJob> items) {
    }

    private final ConnectionService connections;
    private final ProvisioningEvents events;
    private final VendorAccounts accounts;
    private final JobQueue jobs;
    private final UserService users;
    private final ConnectionProgress progress;
    private final UserDirectory directory;

    public ProvisioningResource(ConnectionService connections, ProvisioningEvents events, VendorAccounts accounts,
            JobQueue jobs, UserService users, ConnectionProgress progress,
            UserDirectory directory) {
        this.directory = directory;
        this.users = users;
        this.progress = progress;
        this.connections = connections;
        this.events = events;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    /**
     * The connection's users, found by {@code q} (a userName prefix, an email or an externalId) and
     * {@code state}, ordered by userName, {@code size} at a time; {@code cursor} is the last page's nextCursor.
     */
    @GET
    @Path("users")
    public UserDirectory.UserPage users(@PathParam("connection") String connection, @QueryParam("q") String q,
            @QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("size") @DefaultValue("50") String size) {
        requireConnection(connection);
        int pageSize;
        try {
            pageSize = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("size", "must be a whole number between 1 and " + UserDirectory.MAX_PAGE);
        }
        return directory.search(connection, q, state, cursor, pageSize);
    }

    @GET
    @Path("users/{user}/timeline")
    public Timeline timeline(@PathParam("connection") String connection, @PathParam("user") String user) {
        requireConnection(connection);
        UUID userId = user(connection, user);
        VendorAccount account = accounts.find(connection, userId).orElse(null);
        List<ProvisioningEvents.Event> timeline = events.timeline(connection, userId, 1000);
        if (account == null && timeline.isEmpty() && users.find(connection, userId).isEmpty()) {
            throw ApiException.notFound("Connection '" + connection + "' has no user " + user);
        }
        return new Timeline(userId, directory.userName(connection, userId).orElse(null), account, timeline);
    }

    /**
     * Sync now: the user's job is due at once (after a person did a task at the vendor, say, instead of
     * waiting for the periodic task check). 202; the timeline shows what it did.
     */
    @POST
    @Path("users/{user}/sync")
    @APIResponse(responseCode = "202", description = "The user's job is due now; the timeline shows what it did")
    @jakarta.transaction.Transactional
    public jakarta.ws.rs.core.Response sync(@PathParam("connection") String connection, @PathParam("user") String user) {
        requireConnection(connection);
        UUID userId = user(connection, user);
        if (users.find(connection, userId).isEmpty() && accounts.find(connection, userId).isEmpty()) {
            throw ApiException.notFound("Connection '" + connection + "' has no user " + user);
        }
        jobs.enqueue(connection, userId);
        return jakarta.ws.rs.core.Response.accepted().build();
    }

    /** The current wave: done, remaining and the estimated finish (a bulk offboarding, a season of hires). */
    @GET
    @Path("progress")
    public QueueProgress.Progress progress(@PathParam("connection") String connection) {
        Connection found = connections.find(connection).orElseThrow(() -> ConnectionService.notFound(connection));
        return progress.of(found);
    }

    @GET
    @Path("jobs/dead")
    public DeadJobs deadJobs(@PathParam("connection") String connection) {
        requireConnection(connection);
        return new DeadJobs(jobs.deadJobs(connection, 0, 200));
    }

    /** The user's dead jobs (by SCIM id or userName), newest first. */
    @GET
    @Path("users/{user}/jobs/dead")
    public DeadJobs userDeadJobs(@PathParam("connection") String connection, @PathParam("user") String user) {
        requireConnection(connection);
        return new DeadJobs(jobs.deadJobs(connection, user(connection, user), 200));
    }

    @POST
    @Path("jobs/{job}/redrive")
    @APIResponse(responseCode = "202", description = "Back in the queue with fresh attempts")
    public jakarta.ws.rs.core.Response redrive(@PathParam("connection") String connection,
            @PathParam("job") String job) {
        requireConnection(connection);
        long jobId;
        try {
            jobId = Long.parseLong(job);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No dead job " + job);
        }
        if (!jobs.redrive(connection, jobId)) {
            throw ApiException.notFound("Connection '" + connection + "' has no dead job " + job);
        }
        return jakarta.ws.rs.core.Response.accepted().build();
    }

    private void requireConnection(String connection) {
        if (connections.find(connection).isEmpty()) {
            throw ConnectionService.notFound(connection);
        }
    }

    /** The user named by SCIM id or userName, or a 404. */
    private UUID user(String connection, String user) {
        return directory.resolve(connection, user)
                .orElseThrow(() -> ApiException.notFound("Connection '" + connection + "' has no user " + user));
    }
}
