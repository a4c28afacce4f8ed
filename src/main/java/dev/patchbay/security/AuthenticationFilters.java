package dev.patchbay.security;

import dev.patchbay.admin.AdminError;
import dev.patchbay.scim.error.ScimError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Bearer-token checks for the admin API and each connection's SCIM base. */
public class AuthenticationFilters {

    static final String SCIM_UNAUTHORIZED =
            "Missing or invalid bearer token for this SCIM endpoint";

    private final ScimTokenService scimTokens;
    private final AdminBootstrap adminBootstrap;
    private final ScimCaller scimCaller;

    public AuthenticationFilters(ScimTokenService scimTokens, AdminBootstrap adminBootstrap, ScimCaller scimCaller) {
        this.scimTokens = scimTokens;
        this.adminBootstrap = adminBootstrap;
        this.scimCaller = scimCaller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        if (path.startsWith("/scim/")) {
            return authenticateScim(request, uriInfo);
        }
        if (path.startsWith("/admin/")) {
            return authenticateAdmin(request);
        }
        return Optional.empty();
    }

    private Optional<Response> authenticateScim(ContainerRequestContext request, UriInfo uriInfo) {
        String connectionId = uriInfo.getPathParameters().getFirst("connection");
        Optional<String> token = Secrets.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<UUID> tokenId = connectionId == null || token.isEmpty()
                ? Optional.empty()
                : scimTokens.authenticate(connectionId, token.get());
        if (tokenId.isEmpty()) {
            return Optional.of(ScimError.response(401, null, SCIM_UNAUTHORIZED));
        }
        scimCaller.authenticated(connectionId, tokenId.get());
        return Optional.empty();
    }

    private Optional<Response> authenticateAdmin(ContainerRequestContext request) {
        Optional<String> token = Secrets.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isPresent() && adminBootstrap.accepts(token.get())) {
            return Optional.empty();
        }
        return Optional.of(AdminError.response(401, "unauthorized",
                "Missing or invalid admin bearer token"));
    }
}
