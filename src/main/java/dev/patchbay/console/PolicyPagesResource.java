package dev.patchbay.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.PolicyResource;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.List;

/**
 * The policy editor: the policy in force as JSON (what {@code PUT /admin/v1/connections/{id}/policy} takes),
 * a dry run that shows which users a change would touch and how, and saving as a new version; the
 * validation is the admin API's, its violations shown next to the editor.
 */
@Path("/console/connections/{connection}/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPagesResource {

    static final int MAX_POLICY_CHARS = 200_000;

    /** {@code errors}: why the text is not a valid policy, one line per violation (empty when it is). */
    public record PolicyView(String id, String name, int version, String created, String text, boolean canEdit,
            Integer savedVersion, List<String> errors, PolicyResource.ImpactReport impact) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance policy(ConsoleSession me, PolicyView view);
    }

    private final PolicyResource policies;
    private final ConnectionService connections;
    private final ObjectMapper json;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;

    public PolicyPagesResource(PolicyResource policies, ConnectionService connections, ObjectMapper json,
            ConsoleCaller caller, ConsoleAudit audit) {
        this.policies = policies;
        this.connections = connections;
        this.json = json;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance editor(@PathParam("connection") String id, @QueryParam("saved") String saved) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        PolicyResource.PolicyView current = policies.get(id, null);
        Integer savedVersion = saved != null && saved.matches("\\d{1,9}") ? Integer.valueOf(saved) : null;
        return page(connection, current, pretty(current.document()), savedVersion, List.of(), null);
    }

    @POST
    @Path("dry-run")
    public Response dryRun(@PathParam("connection") String id, @FormParam("csrf") String csrf,
            @FormParam("policy") String text, @Context HttpServerRequest http) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/policy/impact");
        PolicyResource.PolicyView current = policies.get(id, null);
        try {
            PolicyResource.ImpactReport impact = policies.impact(id, new PolicyResource.Impact(parse(text), null));
            audit.record(caller.session(), http, "dry-run", id, "policy", null, 200);
            return Response.ok(page(connection, current, text, null, List.of(), impact)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(page(connection, current, text, null, errors(e), null)).build();
        }
    }

    @POST
    public Response save(@PathParam("connection") String id, @FormParam("csrf") String csrf,
            @FormParam("policy") String text, @Context HttpServerRequest http) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/policy");
        PolicyResource.PolicyView saved;
        try {
            saved = policies.save(id, parse(text));
        } catch (ApiException e) {
            return Response.status(e.status())
                    .entity(page(connection, policies.get(id, null), text, null, errors(e), null)).build();
        }
        audit.record(caller.session(), http, "replace", id, "policy", String.valueOf(saved.version()), 303);
        return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/policy?saved="
                + saved.version())).build();
    }

    private TemplateInstance page(Connection connection, PolicyResource.PolicyView current, String text,
            Integer savedVersion, List<String> errors, PolicyResource.ImpactReport impact) {
        return Templates.policy(caller.session(), new PolicyView(connection.id, connection.displayName,
                current.version(), String.valueOf(current.created()), text,
                caller.may("/admin/v1/connections/" + connection.id + "/policy"), savedVersion, errors, impact));
    }

    /** The text as the admin API would read its body: JSON, unknown members refused. */
    private PolicyDocument parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("policy", "is required: a JSON object ({} for none of the rules)");
        }
        if (text.length() > MAX_POLICY_CHARS) {
            throw ApiException.invalid("policy", "must be at most " + MAX_POLICY_CHARS + " characters");
        }
        try {
            PolicyDocument document = json.readValue(text, PolicyDocument.class);
            if (document == null) {
                throw ApiException.invalid("policy", "must be a JSON object, not null");
            }
            return document;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw ApiException.invalid("policy", "is not a valid policy document (" + where + e.getOriginalMessage()
                    + ")");
        }
    }

    private static List<String> errors(ApiException e) {
        if (e.violations() == null || e.violations().isEmpty()) {
            return List.of(e.getMessage());
        }
        return e.violations().stream().map(violation -> violation.field() + " " + violation.message()).toList();
    }

    private String pretty(PolicyDocument document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
