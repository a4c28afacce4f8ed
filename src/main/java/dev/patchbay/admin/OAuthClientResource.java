package dev.patchbay.admin;

import static dev.patchbay.admin.CredentialPaths.noLive;
import static dev.patchbay.admin.CredentialPaths.parseId;
import static dev.patchbay.admin.CredentialPaths.requireConnection;

import dev.patchbay.security.oauth.OAuthClientService;
import dev.patchbay.security.oauth.OAuthClientService.IssuedClient;
import dev.patchbay.security.oauth.OAuthSettings;
import dev.patchbay.store.ScimOAuthClient;
import dev.patchbay.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * OAuth 2.0 clients of a connection (client credentials grant at {@code /oauth2/token}). The secret is
 * shown once, at creation; revoking a client ends its access tokens at once.
 */
@Path("/admin/v1/connections/{connection}/oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuthClientResource {

    public record CreateClient(@Size(max = 200) String description, Integer tokenLifetimeMinutes) {
    }

    public record IssuedClientView(UUID id, String clientId, String clientSecret, String description,
            Integer tokenLifetimeMinutes, Instant createdAt) {
    }

    public record ClientView(UUID id, String clientId, String description, Integer tokenLifetimeMinutes,
            Instant createdAt, Instant revokedAt) {
    }

    public record ClientList(List<ClientView> items) {
    }

    private final OAuthClientService clients;
    private final ConnectionService connections;

    public OAuthClientResource(OAuthClientService clients, ConnectionService connections) {
        this.clients = clients;
        this.connections = connections;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Issued: the secret is shown this once; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedClientView.class)))
    public Response create(@PathParam("connection") String connectionId, @Valid CreateClient body, UriInfo uriInfo) {
        requireConnection(connections, connectionId);
        CreateClient request = body == null ? new CreateClient(null, null) : body;
        Integer lifetime = request.tokenLifetimeMinutes();
        if (lifetime != null && !OAuthSettings.isAllowedLifetime(lifetime)) {
            throw ApiException.invalid("tokenLifetimeMinutes", "must be from " + OAuthSettings.MIN_LIFETIME_MINUTES
                    + " to " + OAuthSettings.MAX_LIFETIME_MINUTES + " minutes");
        }
        IssuedClient issued = clients.create(connectionId, request.description(), lifetime);
        ScimOAuthClient client = issued.client();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(client.id.toString()).build())
                .entity(new IssuedClientView(client.id, client.clientId, issued.secret(), client.description,
                        client.tokenLifetimeMinutes, client.createdAt))
                .build();
    }

    @GET
    public ClientList list(@PathParam("connection") String connectionId,
            @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked) {
        requireConnection(connections, connectionId);
        return new ClientList(clients.list(connectionId, includeRevoked).stream()
                .map(client -> new ClientView(client.id, client.clientId, client.description,
                        client.tokenLifetimeMinutes, client.createdAt, client.revokedAt))
                .toList());
    }

    @DELETE
    @Path("{clientId}")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("connection") String connectionId, @PathParam("clientId") String id) {
        requireConnection(connections, connectionId);
        if (!clients.revoke(connectionId, parseId(id, "OAuth client"))) {
            throw noLive(connectionId, "OAuth client", id);
        }
        return Response.noContent().build();
    }
}
