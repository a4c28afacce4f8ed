package dev.patchbay.console;

import dev.patchbay.admin.BasicCredentialResource;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.OAuthClientResource;
import dev.patchbay.admin.TokenResource;
import dev.patchbay.admin.TrustedIssuerResource;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SCIM credentials of a connection through the admin API's resources: SCIM tokens, OAuth clients and
 * Basic credentials issued here (the secret shown on the answer page once, never again) and revoked here;
 * trusted issuers added, listed and removed.
 */
@Path("/console/connections/{connection}/credentials")
@Produces(MediaType.TEXT_HTML)
public class CredentialPagesResource {

    static final List<String> KINDS = List.of("tokens", "oauth-clients", "basic-credentials", "trusted-issuers");

    /** A secret just issued: what it is, its name (client id or username, if any) and the secret itself. */
    public record Issued(String kind, String name, String secret) {
    }

    /** The trusted-issuer form as it was sent, to show it again with its error. */
    public record IssuerForm(String issuer, String audience, String jwksUrl, String requiredClaims,
            String description) {
        static final IssuerForm EMPTY = new IssuerForm("", "", "", "", "");
    }

    public record CredentialsView(String id, String name, TokenResource.TokenList tokens,
            OAuthClientResource.ClientList clients, BasicCredentialResource.CredentialList basics,
            TrustedIssuerResource.IssuerList issuers, boolean canEdit, Issued issued, String error,
            IssuerForm issuerForm, String issuerError) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance credentials(ConsoleSession me, CredentialsView view);
    }

    private final ConnectionService connections;
    private final TokenResource tokens;
    private final OAuthClientResource clients;
    private final BasicCredentialResource basics;
    private final TrustedIssuerResource issuers;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;

    public CredentialPagesResource(ConnectionService connections, TokenResource tokens, OAuthClientResource clients,
            BasicCredentialResource basics, TrustedIssuerResource issuers, ConsoleCaller caller, ConsoleAudit audit) {
        this.connections = connections;
        this.tokens = tokens;
        this.clients = clients;
        this.basics = basics;
        this.issuers = issuers;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public TemplateInstance list(@PathParam("connection") String id) {
        return page(ConnectionPagesResource.found(connections, id), null, null);
    }

    /** Issues a credential of {@code kind}; the answer page shows its secret this once. */
    @POST
    @Path("{kind}")
    public Response issue(@PathParam("connection") String id, @PathParam("kind") String kind,
            @FormParam("csrf") String csrf, @FormParam("description") String description,
            @FormParam("username") String username, @FormParam("tokenLifetimeMinutes") String lifetime,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/" + kind);
        String text = blank(description);
        Issued issued;
        try {
            issued = switch (kind) {
                case "tokens" -> {
                    var token = (TokenResource.IssuedTokenView) tokens.create(id, new TokenResource.CreateToken(text,
                            null), uri).getEntity();
                    yield new Issued("SCIM token", null, token.token());
                }
                case "oauth-clients" -> {
                    var client = (OAuthClientResource.IssuedClientView) clients.create(id,
                            new OAuthClientResource.CreateClient(text, minutes(lifetime)), uri).getEntity();
                    yield new Issued("OAuth client", client.clientId(), client.clientSecret());
                }
                case "basic-credentials" -> {
                    var basic = (BasicCredentialResource.IssuedCredentialView) basics.create(id,
                            new BasicCredentialResource.CreateCredential(blank(username), null, text), uri).getEntity();
                    yield new Issued("Basic credential", basic.username(), basic.password());
                }
                default -> throw ConsoleErrors.refused(404, "No credentials of kind '" + kind + "'");
            };
        } catch (ApiException e) {
            return Response.status(e.status()).entity(page(connection, null, e.getMessage())).build();
        } catch (ConstraintViolationException e) {
            return Response.status(400).entity(page(connection, null, violations(e))).build();
        }
        audit.record(caller.session(), http, "create", id, kind, null, 200);
        return Response.ok(page(connection, issued, null)).build();
    }

    /** Trusts an issuer's JWTs (the admin API's checks); a refusal shows the form again with its error. */
    @POST
    @Path("trusted-issuers")
    public Response trust(@PathParam("connection") String id, @FormParam("csrf") String csrf,
            @FormParam("issuer") String issuer, @FormParam("audience") String audience,
            @FormParam("jwksUrl") String jwksUrl, @FormParam("requiredClaims") String requiredClaims,
            @FormParam("description") String description, @Context UriInfo uri, @Context HttpServerRequest http) {
        Connection connection = ConnectionPagesResource.found(connections, id);
        caller.requireWrite(csrf, "/admin/v1/connections/" + id + "/trusted-issuers");
        IssuerForm form = new IssuerForm(issuer, audience, jwksUrl, requiredClaims, description);
        try {
            var created = (TrustedIssuerResource.IssuerView) issuers.create(id, new TrustedIssuerResource.CreateIssuer(
                    blank(issuer), blank(audience), blank(jwksUrl), claims(requiredClaims), blank(description)), uri)
                    .getEntity();
            audit.record(caller.session(), http, "create", id, "trusted-issuers", created.id().toString(), 303);
        } catch (ApiException e) {
            return Response.status(e.status()).entity(page(connection, null, null, form, e.getMessage())).build();
        } catch (ConstraintViolationException e) {
            return Response.status(400).entity(page(connection, null, null, form, violations(e))).build();
        }
        return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/credentials")).build();
    }

    @POST
    @Path("{kind}/{credential}/revoke")
    public Response revoke(@PathParam("connection") String id, @PathParam("kind") String kind,
            @PathParam("credential") String credential, @FormParam("csrf") String csrf,
            @Context HttpServerRequest http) {
        ConnectionPagesResource.found(connections, id);
        if (!KINDS.contains(kind)) {
            throw ConsoleErrors.refused(404, "No credentials of kind '" + kind + "'");
        }
        caller.requireWrite(csrf, "DELETE", "/admin/v1/connections/" + id + "/" + kind + "/" + credential);
        try {
            switch (kind) {
                case "tokens" -> tokens.revoke(id, credential);
                case "oauth-clients" -> clients.revoke(id, credential);
                case "basic-credentials" -> basics.revoke(id, credential);
                default -> issuers.remove(id, credential);
            }
        } catch (ApiException e) {
            throw ConsoleErrors.refused(e.status(), e.getMessage());
        }
        audit.record(caller.session(), http, "delete", id, kind, credential, 303);
        return Response.seeOther(URI.create("/console/connections/" + Links.encode(id) + "/credentials")).build();
    }

    private TemplateInstance page(Connection connection, Issued issued, String error) {
        return page(connection, issued, error, IssuerForm.EMPTY, null);
    }

    private TemplateInstance page(Connection connection, Issued issued, String error, IssuerForm issuerForm,
            String issuerError) {
        String id = connection.id;
        return Templates.credentials(caller.session(), new CredentialsView(id, connection.displayName,
                tokens.list(id, false), clients.list(id, false), basics.list(id, false), issuers.list(id),
                caller.may("/admin/v1/connections/" + id + "/tokens"), issued, error, issuerForm, issuerError));
    }

    private static String violations(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(violation -> field(violation.getPropertyPath().toString()) + " " + violation.getMessage()).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("invalid");
    }

    /** The last node of a violation's path ({@code create.body.issuer} is the field {@code issuer}). */
    private static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** One {@code name=value} a line (or separated by commas); blank: none. */
    static Map<String, String> claims(String text) {
        Map<String, String> claims = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return claims;
        }
        for (String entry : text.split("[\\n,]")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw ApiException.invalid("requiredClaims", "must be name=value, one a line ('" + entry.strip()
                        + "' is not)");
            }
            claims.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return claims;
    }

    private static Integer minutes(String lifetime) {
        if (lifetime == null || lifetime.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(lifetime.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("tokenLifetimeMinutes", "must be a whole number of minutes");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
