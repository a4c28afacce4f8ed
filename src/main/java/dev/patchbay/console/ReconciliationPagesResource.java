package dev.patchbay.console;

import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.ReconciliationResource;
import dev.patchbay.reconcile.Finding;
import dev.patchbay.reconcile.ReconciliationRun;
import dev.patchbay.reconcile.Situation;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
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
import java.util.Arrays;
import java.util.List;

/**
 * A connection's reconciliation runs with their progress (the page polls while one runs), a run's findings
 * by situation with the drift field by field, and starting a run or a preview; all through the admin API's
 * {@link ReconciliationResource}.
 */
@Path("/console/connections/{connection}/reconciliations")
@Produces(MediaType.TEXT_HTML)
public class ReconciliationPagesResource {

    static final int PAGE_SIZE = 100;

    /** A situation's tab: its API name, the findings the run has in it, whether it is the one shown. */
    public record SituationTab(String name, long count, boolean shown) {
    }

    public record RunsView(String id, String name, List<ReconciliationRun> runs, boolean running, boolean canStart) {
    }

    public record FindingsView(String id, String name, ReconciliationRun run, List<SituationTab> situations,
            String situation, List<Finding> findings, String previousUrl, String nextUrl) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance reconciliations(ConsoleSession me, RunsView view);

        static native TemplateInstance reconciliation(ConsoleSession me, FindingsView view);
    }

    private final ReconciliationResource reconciliations;
    private final ConnectionService connections;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;

    public ReconciliationPagesResource(ReconciliationResource reconciliations, ConnectionService connections,
            ConsoleCaller caller, ConsoleAudit audit) {
        this.reconciliations = reconciliations;
        this.connections = connections;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance runs(@PathParam("connection") String id) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        List<ReconciliationRun> runs = reconciliations.list(id).items();
        return Templates.reconciliations(caller.session(), new RunsView(id, connection.displayName, runs,
                runs.stream().anyMatch(run -> ReconciliationRun.RUNNING.equals(run.state())),
                caller.may(startPath(id))));
    }

    @GET
    @Path("{run}")
    public TemplateInstance run(@PathParam("connection") String id, @PathParam("run") String run,
            @QueryParam("situation") String situation, @QueryParam("page") String page) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        String shown = situation == null || situation.isBlank() ? null : situation;
        String pageNumber = page == null || page.isBlank() ? "0" : page.strip();
        ReconciliationResource.Findings findings;
        try {
            findings = (ReconciliationResource.Findings) reconciliations.get(id, run, shown, pageNumber,
                    String.valueOf(PAGE_SIZE), "json", null).getEntity();
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        } catch (ConstraintViolationException e) {
            throw ConsoleErrors.refused(400, "page must be a non-negative whole number");
        }
        List<SituationTab> tabs = Arrays.stream(Situation.values()).map(Situation::apiName)
                .map(name -> new SituationTab(name, findings.run().counts().getOrDefault(name, 0L), name.equals(shown)))
                .toList();
        String base = "/console/connections/" + Links.encode(id) + "/reconciliations/" + findings.run().id();
        String previous = findings.page() == 0 ? null
                : Links.of(base, "situation", shown, "page", String.valueOf(findings.page() - 1));
        String next = findings.items().size() < PAGE_SIZE ? null
                : Links.of(base, "situation", shown, "page", String.valueOf(findings.page() + 1));
        return Templates.reconciliation(caller.session(), new FindingsView(id, connection.displayName, findings.run(),
                tabs, shown == null ? "" : shown, findings.items(), previous, next));
    }

    /** Starts a run; {@code preview=true} computes everything and changes nothing. */
    @POST
    public Response start(@PathParam("connection") String id, @FormParam("csrf") String csrf,
            @FormParam("preview") String preview, @Context HttpServerRequest http) {
        ConnectionPagesResource.found(connections, id);
        caller.requireWrite(csrf, startPath(id));
        if (preview != null && !preview.equals("true") && !preview.equals("false")) {
            throw ConsoleErrors.refused(400, "preview must be true or false");
        }
        ReconciliationRun started;
        try {
            started = (ReconciliationRun) reconciliations.start(id,
                    new ReconciliationResource.Start("true".equals(preview))).getEntity();
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        audit.record(caller.session(), http, "true".equals(preview) ? "preview" : "reconcile", id,
                "reconciliations", started.id().toString(), 303);
        return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/reconciliations")).build();
    }

    private static String startPath(String id) {
        return "/admin/v1/connections/" + id + "/reconciliations";
    }
}
