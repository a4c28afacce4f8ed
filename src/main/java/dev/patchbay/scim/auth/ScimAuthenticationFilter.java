package dev.patchbay.scim.auth;

import dev.patchbay.scim.error.ScimError;
import dev.patchbay.security.ScimAuthenticator;
import dev.patchbay.security.ScimAuthenticator.ScimIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request under {@code /scim/v2/{connection}} needs a live credential of that connection: a static
 * bearer token, an OAuth access token, a trusted issuer's JWT or HTTP Basic. Every failure — missing,
 * wrong, revoked or expired credential, another connection's credential, an unknown connection — gets
 * the same answer, advertising both schemes, so nobody can probe which connections exist or what they accept.
 */
public class ScimAuthenticationFilter {

    static final String UNAUTHORIZED = "Missing or invalid credentials for this SCIM endpoint";
    /** Both schemes, always: advertising Basic only where it is configured would tell which connections exist. */
    static final String CHALLENGES = "Bearer realm=\"patchbay-scim\", Basic realm=\"patchbay\"";

    private final ScimAuthenticator authenticator;
    private final ScimCaller caller;

    public ScimAuthenticationFilter(ScimAuthenticator authenticator, ScimCaller caller) {
        this.authenticator = authenticator;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, UriInfo uriInfo) {
        if (!uriInfo.getPath().startsWith("/scim/")) {
            return Optional.empty();
        }
        String connectionId = uriInfo.getPathParameters().getFirst("connection");
        Optional<ScimIdentity> identity = authenticator.authenticate(connectionId,
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (identity.isEmpty()) {
            return Optional.of(Response.fromResponse(ScimError.response(401, null, UNAUTHORIZED))
                    .header(HttpHeaders.WWW_AUTHENTICATE, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGES)
                    .build());
        }
        caller.authenticated(connectionId, identity.get().credentialId(), identity.get().principal());
        return Optional.empty();
    }
}
