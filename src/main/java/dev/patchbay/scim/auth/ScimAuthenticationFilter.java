package dev.patchbay.scim.auth;

import dev.patchbay.scim.error.ScimError;
import dev.patchbay.security.Secrets;
import dev.patchbay.security.ScimTokenService;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request under {@code /scim/v2/{connection}} needs a live bearer token of that connection. A
 * missing, wrong, revoked or expired token, another connection's token and an unknown connection all
 * get the same answer, so nobody can probe which connections exist.
 */
public class ScimAuthenticationFilter {

    static final String UNAUTHORIZED = "Missing or invalid bearer token for this SCIM endpoint";

    private final ScimTokenService tokens;
    private final ScimCaller caller;

    public ScimAuthenticationFilter(ScimTokenService tokens, ScimCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, UriInfo uriInfo) {
        if (!uriInfo.getPath().startsWith("/scim/")) {
            return Optional.empty();
        }
        String connectionId = uriInfo.getPathParameters().getFirst("connection");
        Optional<String> token = Secrets.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<UUID> tokenId = connectionId == null || token.isEmpty()
                ? Optional.empty()
                : tokens.authenticate(connectionId, token.get());
        if (tokenId.isEmpty()) {
            return Optional.of(ScimError.response(401, null, UNAUTHORIZED));
        }
        caller.authenticated(connectionId, tokenId.get());
        return Optional.empty();
    }
}
