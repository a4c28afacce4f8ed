package dev.patchbay.admin;

import dev.patchbay.reconcile.Drift;
import dev.patchbay.reconcile.Finding;
import dev.patchbay.reconcile.ReconciliationRun;
import dev.patchbay.reconcile.ReconciliationStore;
import dev.patchbay.reconcile.Reconciliations;
import dev.patchbay.reconcile.Situation;
import dev.patchbay.web.ApiException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Reconciliation runs of a connection: start one (or a preview), follow its progress, read its findings. */
@Path("/admin/v1/connections/{connection}/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    /** {@code preview}: compute everything, change nothing (default false). */
    public record Start(Boolean preview) {
    }

    public record Runs(List<ReconciliationRun> items) {
    }

    public record Findings(ReconciliationRun run, List<Finding> items, int page, int size) {
    }

    private final ConnectionService connections;
    private final Reconciliations reconciliations;
    private final ReconciliationStore store;

    public ReconciliationResource(ConnectionService connections, Reconciliations reconciliations,
            ReconciliationStore store) {
        this.connections = connections;
        this.reconciliations = reconciliations;
        this.store = store;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Started; Location follows its progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReconciliationRun.class)))
    @APIResponse(responseCode = "409", description = "A run is going on, or the vendor cannot list its accounts")
    public Response start(@PathParam("connection") String connection, Start body) {
        boolean preview = body != null && Boolean.TRUE.equals(body.preview());
        Reconciliations.Started started = reconciliations.start(connection, preview, "on_demand");
        if (started.refusal() != null) {
            throw switch (started.refusal()) {
                case NO_CONNECTION -> ConnectionService.notFound(connection);
                case CANNOT_LIST -> new ApiException(409, "conflict",
                        "The vendor of connection '" + connection + "' cannot list its accounts");
                case ALREADY_RUNNING -> new ApiException(409, "conflict",
                        "Connection '" + connection + "' has a reconciliation running; wait for it to finish");
            };
        }
        return Response.accepted(started.run())
                .location(URI.create("/admin/v1/connections/" + connection + "/reconciliations/" + started.run().id()))
                .build();
    }

    @GET
    public Runs list(@PathParam("connection") String connection) {
        requireConnection(connection);
        return new Runs(store.list(connection, 50));
    }

    @GET
    @Path("{run}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The run and a page of its findings, or all of them as CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Findings.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response get(@PathParam("connection") String connection, @PathParam("run") String run,
            @QueryParam("situation") String situation,
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "\\d{1,9}",
                    message = "must be a non-negative whole number") String page,
            @QueryParam("size") @DefaultValue("100") @Pattern(regexp = "\\d{1,4}",
                    message = "must be a whole number from 1 to 1000") String size,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        requireConnection(connection);
        boolean csv = Csv.wanted(format, headers);
        Situation filter = situation == null ? null : Situation.ofApiName(situation).orElseThrow(() ->
                ApiException.invalid("situation", "must be one of " + Arrays.stream(Situation.values())
                        .map(Situation::apiName).collect(Collectors.joining(", "))));
        int pageSize = Integer.parseInt(size);
        if (pageSize < 1 || pageSize > 1000) {
            throw ApiException.invalid("size", "must be a whole number from 1 to 1000");
        }
        ReconciliationRun found = store.find(connection, parse(connection, run)).orElseThrow(() -> notFound(connection, run));
        if (csv) {
            List<Finding> all = store.findings(found.id(), filter, 0, Integer.MAX_VALUE);
            return Csv.of("reconciliation-" + found.id() + ".csv", List.of("vendorRef", "situation", "userId",
                    "userName", "email", "license", "numbers", "active", "idpActive", "lastLogin", "drift", "action", "actionTaken"),
                    all.stream().map(ReconciliationResource::row).toList());
        }
        int offset = Integer.parseInt(page) * pageSize;
        return Response.ok(new Findings(found, store.findings(found.id(), filter, offset, pageSize),
                Integer.parseInt(page), pageSize)).build();
    }

    private static List<Object> row(Finding finding) {
        return Arrays.asList(finding.vendorRef(), finding.situation(), finding.userId(), finding.userName(),
                finding.email(), finding.license(), finding.numbers(), finding.active(), finding.idpActive(), finding.lastLogin(),
                finding.drift().stream().map(ReconciliationResource::describe).collect(Collectors.joining("; ")),
                finding.action(), finding.actionTaken());
    }

    private static String describe(Drift drift) {
        return drift.field() + ": " + drift.applied() + " -> " + drift.vendor();
    }

    private void requireConnection(String connection) {
        if (connections.find(connection).isEmpty()) {
            throw ConnectionService.notFound(connection);
        }
    }

    private static UUID parse(String connection, String run) {
        try {
            return UUID.fromString(run);
        } catch (IllegalArgumentException e) {
            throw notFound(connection, run);
        }
    }

    private static ApiException notFound(String connection, String run) {
        return ApiException.notFound("Connection '" + connection + "' has no reconciliation " + run);
    }
}
