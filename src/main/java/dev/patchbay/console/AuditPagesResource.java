package dev.patchbay.console;

import dev.patchbay.audit.AuditResource;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log, newest first, filtered by connection, actor, operation and status, a page at a time. */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPagesResource {

    public record AuditView(String connection, String actor, String operation, String status,
            AuditResource.AuditPage page, String nextUrl) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance audit(ConsoleSession me, AuditView view);
    }

    private final AuditResource auditApi;
    private final ConsoleCaller caller;

    public AuditPagesResource(AuditResource auditApi, ConsoleCaller caller) {
        this.auditApi = auditApi;
        this.caller = caller;
    }

    @GET
    public TemplateInstance audit(@QueryParam("connection") String connection, @QueryParam("actor") String actor,
            @QueryParam("operation") String operation, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor) {
        AuditResource.AuditPage page;
        try {
            page = auditApi.list(connection, actor, blank(operation), null, null, null, blank(status), blank(cursor),
                    "50");
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        String next = page.nextCursor() == null ? null : Links.of("/console/audit", "connection", connection,
                "actor", actor, "operation", operation, "status", status, "cursor", page.nextCursor());
        return Templates.audit(caller.session(), new AuditView(orEmpty(connection), orEmpty(actor),
                orEmpty(operation), orEmpty(status), page, next));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
