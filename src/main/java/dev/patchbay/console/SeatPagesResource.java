package dev.patchbay.console;

import dev.patchbay.admin.SeatResource;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The seat inventory of every connection, and its CSV (one row per vendor account), from {@link SeatResource}. */
@Path("/console/seats")
@Produces(MediaType.TEXT_HTML)
public class SeatPagesResource {

    public record SeatsView(String idleDays, SeatResource.Overview overview, String csvUrl) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance seats(ConsoleSession me, SeatsView view);
    }

    private final SeatResource seats;
    private final ConsoleCaller caller;

    public SeatPagesResource(SeatResource seats, ConsoleCaller caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @GET
    public TemplateInstance inventory(@QueryParam("idleDays") String idleDays) {
        SeatResource.Overview overview = (SeatResource.Overview) answer(idleDays, "json").getEntity();
        return Templates.seats(caller.session(), new SeatsView(String.valueOf(overview.idleDays()), overview,
                Links.of("/console/seats/seats.csv", "idleDays", idleDays)));
    }

    @GET
    @Path("seats.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("idleDays") String idleDays) {
        return answer(idleDays, "csv");
    }

    private Response answer(String idleDays, String format) {
        try {
            return seats.all(blank(idleDays), format, null);
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
