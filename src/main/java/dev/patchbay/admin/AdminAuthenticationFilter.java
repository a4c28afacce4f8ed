package dev.patchbay.admin;

import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.AdminOidc.AdminIdentity;
import dev.patchbay.security.Secrets;
import dev.patchbay.web.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request under {@code /admin/} needs the bootstrap token (role {@code admin}) or, when admin OIDC
 * is configured, an access token of that provider whose role allows the method and path.
 */
public class AdminAuthenticationFilter {

    private final AdminCredentials credentials;
    private final AdminCaller caller;

    public AdminAuthenticationFilter(AdminCredentials credentials, AdminCaller caller) {
        this.credentials = credentials;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        if (!path.startsWith("/admin/")) {
            return Optional.empty();
        }
        Optional<String> token = Secrets.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<AdminIdentity> identity = token.flatMap(credentials::identify);
        if (identity.isEmpty()) {
            return Optional.of(ApiError.response(401, "unauthorized", "Missing or invalid admin bearer token"));
        }
        String role = identity.get().role();
        if (role == null) {
            return Optional.of(ApiError.response(403, "forbidden",
                    "The token carries none of the roles " + String.join(", ", AdminOidc.ROLES)));
        }
        if (!AdminPermissions.allows(role, request.getMethod(), path)) {
            return Optional.of(ApiError.response(403, "forbidden",
                    "Role '" + role + "' may not " + request.getMethod() + " " + path));
        }
        caller.authenticated(identity.get().subject(), role);
        return Optional.empty();
    }
}
