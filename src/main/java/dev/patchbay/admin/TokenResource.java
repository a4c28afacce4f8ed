package dev.patchbay.admin;

import dev.patchbay.security.ScimTokenService;
import dev.patchbay.security.ScimTokenService.IssuedToken;
import dev.patchbay.store.ScimToken;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** SCIM bearer tokens of a connection: several may be live at once, so a token rotates without downtime. */
@Path("/admin/v1/connections/{connection}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    public record CreateToken(@Size(max = 200) String description, Instant expiresAt) {
    }

    public record IssuedTokenView(UUID id, String token, String description, Instant createdAt, Instant expiresAt) {
    }

    public record TokenView(UUID id, String description, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    public record TokenList(List<TokenView> items) {
    }

    private final ScimTokenService tokens;
    private final ConnectionService connections;
    private final Clock clock;

    public TokenResource(ScimTokenService tokens, ConnectionService connections, Clock clock) {
        this.tokens = tokens;
        this.connections = connections;
        this.clock = clock;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Issued: the token is shown this once; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedTokenView.class)))
    public Response create(@PathParam("connection") String connectionId, @Valid CreateToken body, UriInfo uriInfo) {
        requireConnection(connectionId);
        CreateToken request = body == null ? new CreateToken(null, null) : body;
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        IssuedToken issued = tokens.issue(connectionId, request.description(), request.expiresAt());
        ScimToken token = issued.token();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(token.id.toString()).build())
                .entity(new IssuedTokenView(token.id, issued.secret(), token.description, token.createdAt,
                        token.expiresAt))
                .build();
    }

    @GET
    public TokenList list(@PathParam("connection") String connectionId,
            @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked) {
        requireConnection(connectionId);
        return new TokenList(tokens.list(connectionId, includeRevoked).stream()
                .map(token -> new TokenView(token.id, token.description, token.createdAt, token.expiresAt,
                        token.revokedAt))
                .toList());
    }

    @DELETE
    @Path("{tokenId}")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("connection") String connectionId, @PathParam("tokenId") String tokenId) {
        requireConnection(connectionId);
        UUID id = parseId(tokenId);
        if (!tokens.revoke(connectionId, id)) {
            throw ApiException.notFound("Connection '" + connectionId + "' has no live token " + tokenId);
        }
        return Response.noContent().build();
    }

    private void requireConnection(String connectionId) {
        if (connections.find(connectionId).isEmpty()) {
            throw ConnectionService.notFound(connectionId);
        }
    }

    private static UUID parseId(String tokenId) {
        try {
            return UUID.fromString(tokenId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No token " + tokenId);
        }
    }
}
