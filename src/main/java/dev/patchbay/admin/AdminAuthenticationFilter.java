package dev.patchbay.admin;

import dev.patchbay.security.AdminBootstrap;
import dev.patchbay.security.Secrets;
import dev.patchbay.web.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every request under {@code /admin/} needs the admin bearer token. */
public class AdminAuthenticationFilter {

    private final AdminBootstrap bootstrap;
    private final AdminCaller caller;

    public AdminAuthenticationFilter(AdminBootstrap bootstrap, AdminCaller caller) {
        this.bootstrap = bootstrap;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, UriInfo uriInfo) {
        if (!uriInfo.getPath().startsWith("/admin/")) {
            return Optional.empty();
        }
        Optional<String> token = Secrets.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isPresent() && bootstrap.accepts(token.get())) {
            caller.authenticated("bootstrap", "admin");
            return Optional.empty();
        }
        return Optional.of(ApiError.response(401, "unauthorized", "Missing or invalid admin bearer token"));
    }
}
