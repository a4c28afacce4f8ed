package dev.patchbay.admin;

import dev.patchbay.seats.SeatInventory;
import dev.patchbay.seats.SeatReport;
import dev.patchbay.seats.SeatRow;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The seat inventory: per connection (and summed per vendor) the seats its vendor accounts hold by license
 * tier, their monthly cost, idle seats and the savings available; as JSON, or one row per account as CSV.
 */
@Path("/admin/v1/seats")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class SeatResource {

    /** A vendor's connections summed (per currency: connections priced in different currencies are apart). */
    public record VendorSeats(String vendor, String currency, int connections, int seats, int idle, int orphaned,
            BigDecimal monthlyCost, BigDecimal idleMonthlyCost, BigDecimal openCancellationTasksMonthlyCost,
            BigDecimal savingsAvailable) {
    }

    public record Overview(int idleDays, List<VendorSeats> vendors, List<SeatReport> connections) {
    }

    static final List<String> CSV_HEADER = List.of("vendor", "connection", "account", "idpUser", "userName",
            "license", "numbers", "state", "lastLogin", "monthlyCost", "currency", "idle", "finding");

    private final SeatInventory inventory;
    private final ConnectionService connections;
    private final int defaultIdleDays;

    public SeatResource(SeatInventory inventory, ConnectionService connections,
            @ConfigProperty(name = "patchbay.seats.idle-after-days") int defaultIdleDays) {
        this.inventory = inventory;
        this.connections = connections;
        this.defaultIdleDays = defaultIdleDays;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Seats per vendor and connection, or one row per account as CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Overview.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response all(@QueryParam("idleDays") String idleDays, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        int days = idleDays(idleDays);
        boolean csv = Csv.wanted(format, headers);
        List<Connection> all = inventory.connections();
        if (csv) {
            List<List<Object>> rows = new ArrayList<>();
            all.forEach(connection -> inventory.rows(connection, days).forEach(row -> rows.add(row(row))));
            return Csv.of("seats.csv", CSV_HEADER, rows);
        }
        List<SeatReport> reports = all.stream().map(connection -> inventory.report(connection, days)).toList();
        return Response.ok(new Overview(days, byVendor(reports), reports)).build();
    }

    private int idleDays(String value) {
        return idleDays(value, defaultIdleDays);
    }

    static int idleDays(String value, int defaultIdleDays) {
        if (value == null) {
            return defaultIdleDays;
        }
        if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 3650) {
            throw ApiException.invalid("idleDays", "must be a whole number of days from 1 to 3650");
        }
        return Integer.parseInt(value);
    }

    private static List<VendorSeats> byVendor(List<SeatReport> reports) {
        Map<String, List<SeatReport>> groups = new TreeMap<>();
        reports.forEach(report -> groups.computeIfAbsent(report.vendor() + "|" + report.currency(),
                key -> new ArrayList<>()).add(report));
        List<VendorSeats> vendors = new ArrayList<>();
        groups.forEach((key, group) -> vendors.add(new VendorSeats(group.get(0).vendor(), group.get(0).currency(),
                group.size(), group.stream().mapToInt(report -> report.totals().seats()).sum(),
                group.stream().mapToInt(report -> report.totals().idle()).sum(),
                group.stream().mapToInt(report -> report.totals().orphaned()).sum(),
                sum(group.stream().map(report -> report.totals().monthlyCost()).toList()),
                sum(group.stream().map(report -> report.totals().idleMonthlyCost()).toList()),
                sum(group.stream().flatMap(report -> report.openCancellationTasks().stream())
                        .map(SeatReport.CancellationTask::monthlyCost).toList()),
                sum(group.stream().map(SeatReport::savingsAvailable).toList()))));
        return vendors;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static List<Object> row(SeatRow row) {
        return Arrays.asList(row.vendor(), row.connectionId(), row.account(), row.userId(), row.userName(),
                row.license(), row.numbers(), row.state(), row.lastLogin(), row.monthlyCost(), row.currency(), row.idle(),
                row.finding());
    }
}
