package dev.patchbay.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Whether a connection's vendor is usable now, with the figures: what the wellness check reports. */
@Path("/admin/v1/connections/{connection}/health")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionHealthResource {

    private final ConnectionWellness wellness;

    public ConnectionHealthResource(ConnectionWellness wellness) {
        this.wellness = wellness;
    }

    @GET
    public ConnectionWellness.Wellness health(@PathParam("connection") String connection) {
        return wellness.of(connection).orElseThrow(() -> ConnectionService.notFound(connection));
    }
}
