package dev.patchbay.admin;

import dev.patchbay.seats.SeatInventory;
import dev.patchbay.seats.SeatReport;
import dev.patchbay.store.Connection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One connection's seats (see {@link SeatResource}). */
@Path("/admin/v1/connections/{connection}/seats")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class ConnectionSeatResource {

    private final SeatInventory inventory;
    private final ConnectionService connections;
    private final int defaultIdleDays;

    public ConnectionSeatResource(SeatInventory inventory, ConnectionService connections,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patchbay.seats.idle-after-days")
            int defaultIdleDays) {
        this.inventory = inventory;
        this.connections = connections;
        this.defaultIdleDays = defaultIdleDays;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The connection's seats, or one row per account as CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = SeatReport.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response connection(@PathParam("connection") String id, @QueryParam("idleDays") String idleDays,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Connection connection = connections.find(id).orElseThrow(() -> ConnectionService.notFound(id));
        int days = SeatResource.idleDays(idleDays, defaultIdleDays);
        if (Csv.wanted(format, headers)) {
            return Csv.of("seats-" + id + ".csv", SeatResource.CSV_HEADER,
                    inventory.rows(connection, days).stream().map(SeatResource::row).toList());
        }
        return Response.ok(inventory.report(connection, days)).build();
    }
}
