package dev.patchbay.admin;

import static dev.patchbay.admin.CredentialPaths.parseId;
import static dev.patchbay.admin.CredentialPaths.requireConnection;

import dev.patchbay.security.jwt.TrustedIssuerService;
import dev.patchbay.store.ScimTrustedIssuer;
import dev.patchbay.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * External issuers whose JWTs a connection accepts, for example Entra ID's own tokens: issuer
 * {@code https://sts.windows.net/<tenant>/}, audience {@code 8adf8e6e-67b2-4cf2-a259-e3dc5476c621},
 * required claims {@code tid} and {@code appid}.
 */
@Path("/admin/v1/connections/{connection}/trusted-issuers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrustedIssuerResource {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final int MAX_REQUIRED_CLAIMS = 20;

    public record CreateIssuer(
            @NotBlank(message = "is required") @Size(max = 500) String issuer,
            @NotBlank(message = "is required") @Size(max = 500) String audience,
            @Size(max = 1000) String jwksUrl,
            Map<String, String> requiredClaims,
            @Size(max = 200) String description) {
    }

    public record IssuerView(UUID id, String issuer, String audience, String jwksUrl,
            Map<String, String> requiredClaims, String description, Instant createdAt) {
    }

    public record IssuerList(List<IssuerView> items) {
    }

    private final TrustedIssuerService issuers;
    private final ConnectionService connections;

    public TrustedIssuerResource(TrustedIssuerService issuers, ConnectionService connections) {
        this.issuers = issuers;
        this.connections = connections;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Trusted; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.class)))
    public Response create(@PathParam("connection") String connectionId, @Valid CreateIssuer body, UriInfo uriInfo) {
        requireConnection(connections, connectionId);
        if (body == null) {
            throw ApiException.invalid("issuer", "is required");
        }
        requireSecureUrl("issuer", body.issuer());
        if (body.jwksUrl() != null) {
            requireSecureUrl("jwksUrl", body.jwksUrl());
        }
        Map<String, String> claims = body.requiredClaims() == null ? Map.of() : body.requiredClaims();
        if (claims.size() > MAX_REQUIRED_CLAIMS) {
            throw ApiException.invalid("requiredClaims", "must have at most " + MAX_REQUIRED_CLAIMS + " entries");
        }
        claims.forEach((name, value) -> {
            if (name.isBlank() || value == null || value.isBlank()) {
                throw ApiException.invalid("requiredClaims", "needs a non-empty name and value in every entry");
            }
        });
        if (issuers.find(connectionId, body.issuer()).isPresent()) {
            throw new ApiException(409, "conflict", "Connection '" + connectionId + "' already trusts issuer "
                    + body.issuer() + "; remove it first to change its settings");
        }
        ScimTrustedIssuer issuer = issuers.add(connectionId, new TrustedIssuerService.NewIssuer(body.issuer(),
                body.audience(), body.jwksUrl(), claims, body.description()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issuer.id.toString()).build())
                .entity(view(issuer))
                .build();
    }

    @GET
    public IssuerList list(@PathParam("connection") String connectionId) {
        requireConnection(connections, connectionId);
        return new IssuerList(issuers.list(connectionId).stream().map(TrustedIssuerResource::view).toList());
    }

    @DELETE
    @Path("{issuerId}")
    @APIResponse(responseCode = "204", description = "No longer trusted")
    public Response remove(@PathParam("connection") String connectionId, @PathParam("issuerId") String id) {
        requireConnection(connections, connectionId);
        if (!issuers.remove(connectionId, parseId(id, "trusted issuer"))) {
            throw ApiException.notFound("Connection '" + connectionId + "' has no trusted issuer " + id);
        }
        return Response.noContent().build();
    }

    /** https, or http only to this machine (a local test issuer). */
    static void requireSecureUrl(String field, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw ApiException.invalid(field, "must be an https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean secure = scheme.equals("https")
                || scheme.equals("http") && uri.getHost() != null && LOCAL_HOSTS.contains(uri.getHost().toLowerCase());
        if (!secure || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ApiException.invalid(field, "must be an https URL without query or fragment "
                    + "(http is allowed for localhost only)");
        }
    }

    private static IssuerView view(ScimTrustedIssuer issuer) {
        return new IssuerView(issuer.id, issuer.issuer, issuer.audience, issuer.jwksUrl, issuer.requiredClaims,
                issuer.description, issuer.createdAt);
    }
}
