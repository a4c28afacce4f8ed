package dev.patchbay.admin;

import dev.patchbay.job.JobQueue;
import dev.patchbay.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Dead letters in bulk: redrive every dead job of a connection, or those whose error says something
 * (after the vendor came back, or a setting was fixed); discard some with a reason (an admin gives up on
 * them, and they leave the dead letters with that reason recorded).
 */
@Path("/admin/v1/connections/{connection}/jobs/dead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    public record Redrive(@Size(max = 500) String errorContains) {
    }

    public record Discard(@NotBlank(message = "is required") @Size(max = 500) String reason,
            @Size(max = 1000) List<@NotNull Long> jobIds, @Size(max = 500) String errorContains) {
    }

    public record Redriven(int redriven) {
    }

    public record Discarded(int discarded) {
    }

    private final ConnectionService connections;
    private final JobQueue jobs;

    public DeadLetterResource(ConnectionService connections, JobQueue jobs) {
        this.connections = connections;
        this.jobs = jobs;
    }

    /** Every dead job of the connection, or those whose last error contains {@code errorContains}. */
    @POST
    @Path("redrive")
    public Redriven redrive(@PathParam("connection") String connection, @Valid Redrive body) {
        requireConnection(connection);
        return new Redriven(jobs.redriveAll(connection, body == null || blank(body.errorContains()) ? null
                : body.errorContains()));
    }

    @POST
    @Path("discard")
    public Discarded discard(@PathParam("connection") String connection,
            @NotNull(message = "is required") @Valid Discard body) {
        requireConnection(connection);
        boolean byIds = body.jobIds() != null && !body.jobIds().isEmpty();
        if (!byIds && blank(body.errorContains())) {
            throw ApiException.invalid("jobIds", "name the dead jobs to discard (jobIds) or the error they share"
                    + " (errorContains)");
        }
        return new Discarded(jobs.discard(connection, byIds ? body.jobIds() : null,
                blank(body.errorContains()) ? null : body.errorContains(), body.reason().trim()));
    }

    private void requireConnection(String connection) {
        if (connections.find(connection).isEmpty()) {
            throw ConnectionService.notFound(connection);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
