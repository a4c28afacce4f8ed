package dev.patchbay.admin;

import static dev.patchbay.admin.CredentialPaths.noLive;
import static dev.patchbay.admin.CredentialPaths.parseId;
import static dev.patchbay.admin.CredentialPaths.requireConnection;

import dev.patchbay.security.basic.BasicCredentialService;
import dev.patchbay.security.basic.BasicCredentialService.IssuedCredential;
import dev.patchbay.store.ScimBasicCredential;
import dev.patchbay.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
 * HTTP Basic credentials of a connection (Okta offers Basic). Without a password in the request one is
 * generated; either way it is shown once, at creation.
 */
@Path("/admin/v1/connections/{connection}/basic-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BasicCredentialResource {

    static final int MIN_PASSWORD_LENGTH = 16;

    public record CreateCredential(
            @NotBlank(message = "is required") @Size(max = 200)
            @Pattern(regexp = "[^:\\s]+", message = "must not contain ':' or white space") String username,
            @Size(min = MIN_PASSWORD_LENGTH, max = 200) String password,
            @Size(max = 200) String description) {
    }

    public record IssuedCredentialView(UUID id, String username, String password, String description,
            Instant createdAt) {
    }

    public record CredentialView(UUID id, String username, String description, Instant createdAt,
            Instant revokedAt) {
    }

    public record CredentialList(List<CredentialView> items) {
    }

    private final BasicCredentialService credentials;
    private final ConnectionService connections;

    public BasicCredentialResource(BasicCredentialService credentials, ConnectionService connections) {
        this.credentials = credentials;
        this.connections = connections;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Issued: the password is shown this once; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedCredentialView.class)))
    public Response create(@PathParam("connection") String connectionId, @Valid CreateCredential body,
            UriInfo uriInfo) {
        requireConnection(connections, connectionId);
        if (body == null) {
            throw ApiException.invalid("username", "is required");
        }
        if (credentials.hasLiveUsername(connectionId, body.username())) {
            throw new ApiException(409, "conflict", "Connection '" + connectionId + "' already has a live Basic "
                    + "credential for '" + body.username() + "'; revoke it first");
        }
        IssuedCredential issued = credentials.create(connectionId, body.username(), body.password(),
                body.description());
        ScimBasicCredential credential = issued.credential();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(credential.id.toString()).build())
                .entity(new IssuedCredentialView(credential.id, credential.username, issued.password(),
                        credential.description, credential.createdAt))
                .build();
    }

    @GET
    public CredentialList list(@PathParam("connection") String connectionId,
            @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked) {
        requireConnection(connections, connectionId);
        return new CredentialList(credentials.list(connectionId, includeRevoked).stream()
                .map(credential -> new CredentialView(credential.id, credential.username, credential.description,
                        credential.createdAt, credential.revokedAt))
                .toList());
    }

    @DELETE
    @Path("{credentialId}")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("connection") String connectionId, @PathParam("credentialId") String id) {
        requireConnection(connections, connectionId);
        if (!credentials.revoke(connectionId, parseId(id, "Basic credential"))) {
            throw noLive(connectionId, "Basic credential", id);
        }
        return Response.noContent().build();
    }
}
