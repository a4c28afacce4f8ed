package dev.patchbay.admin;

import dev.patchbay.admin.ConnectionPayloads.ConnectionView;
import dev.patchbay.admin.ConnectionPayloads.CreateConnection;
import dev.patchbay.admin.ConnectionPayloads.Page;
import dev.patchbay.admin.ConnectionPayloads.UpdateConnection;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.RateLimiter;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/admin/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    static final int MAX_PAGE_SIZE = 200;
    private static final String WHOLE_NUMBER = "must be a non-negative whole number";

    private final ConnectionService connections;
    private final VendorHealth health;
    private final RateLimiter rateLimiter;
    private final JobQueue jobs;

    public ConnectionResource(ConnectionService connections, VendorHealth health, RateLimiter rateLimiter,
            JobQueue jobs) {
        this.connections = connections;
        this.health = health;
        this.rateLimiter = rateLimiter;
        this.jobs = jobs;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionView.class)))
    public Response create(@NotNull(message = "is required") @Valid CreateConnection body, UriInfo uriInfo) {
        Connection created = connections.create(body);
        health.check(created.id);
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id).build();
        return Response.created(location).entity(view(created, uriInfo)).build();
    }

    @GET
    public Page<ConnectionView> list(
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "\\d{1,9}", message = WHOLE_NUMBER) String page,
            @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "\\d{1,3}", message = WHOLE_NUMBER) String size,
            UriInfo uriInfo) {
        int pageIndex = Integer.parseInt(page);
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new Page<>(connections.page(pageIndex, pageSize).stream().map(c -> view(c, uriInfo)).toList(),
                pageIndex, pageSize, connections.count());
    }

    @GET
    @Path("{id}")
    public ConnectionView get(@PathParam("id") String id, UriInfo uriInfo) {
        return connections.find(id).map(c -> view(c, uriInfo)).orElseThrow(() -> ConnectionService.notFound(id));
    }

    @PUT
    @Path("{id}")
    public ConnectionView update(@PathParam("id") String id,
            @NotNull(message = "is required") @Valid UpdateConnection body, UriInfo uriInfo) {
        Connection updated = connections.update(id, body);
        // Fixed settings or credentials: waiting users go on now, not after their backoff or the pause.
        rateLimiter.resume(id);
        jobs.makeDue(id);
        health.check(id);
        return view(updated, uriInfo);
    }

    /** Asks the vendor now whether it accepts the connection's credentials; the answer is kept. */
    @POST
    @Path("{id}/check")
    public VendorHealth.Checked check(@PathParam("id") String id) {
        connections.find(id).orElseThrow(() -> ConnectionService.notFound(id));
        return health.check(id).orElseThrow(() -> new ApiException(409, "no_connector",
                "Connection '" + id + "' has a vendor without a connector"));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        connections.delete(id);
        return Response.noContent().build();
    }

    private ConnectionView view(Connection connection, UriInfo uriInfo) {
        String scimBase = uriInfo.getBaseUriBuilder().path("scim/v2").path(connection.id).build().toString();
        var secretNames = connections.secretNames(connection.vendor);
        return new ConnectionView(connection.id, connection.vendor, connection.displayName,
                SecretSettings.withoutSecrets(connection.settings, secretNames),
                SecretSettings.secretPaths(connection.settings, secretNames),
                scimBase, connection.createdAt, connection.updatedAt, health.last(connection).orElse(null));
    }
}
