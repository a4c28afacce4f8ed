package dev.patchbay.console;

import dev.patchbay.admin.AdminCredentials;
import dev.patchbay.console.oidc.ConsoleOidcSettings;
import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.AdminOidc.AdminIdentity;
import dev.patchbay.security.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Sign-in by pasting the bootstrap token or an admin OIDC access token; the same check as the admin API (or,
 * when configured, at the provider itself: {@link OidcSignInResource}).
 * The sign-in form has its own CSRF token, a double-submit cookie, since there is no session yet.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    static final String SIGN_IN_COOKIE = "patchbay_console_signin";
    static final String ENDED_BY_PROVIDER = "provider";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signIn(String csrf, String error, String oidcProvider);
    }

    private final AdminCredentials credentials;
    private final ConsoleSessions sessions;
    private final ConsoleCaller caller;
    private final ConsoleAudit audit;
    private final ConsoleOidcSettings oidc;

    public SignInResource(AdminCredentials credentials, ConsoleSessions sessions, ConsoleCaller caller,
            ConsoleAudit audit, ConsoleOidcSettings oidc) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.caller = caller;
        this.audit = audit;
        this.oidc = oidc;
    }

    /** {@code ended=provider}: the provider's re-check ended the session (see {@link OidcSessionCheck}). */
    @GET
    @Path("sign-in")
    public Response form(@QueryParam("ended") String ended, @Context HttpServerRequest http) {
        return form(http, 200, ENDED_BY_PROVIDER.equals(ended) ? "Your session ended: " + oidc.providerName()
                + " no longer confirms your admin role (signed out, revoked, or the role was removed). Sign in again."
                : null);
    }

    @POST
    @Path("sign-in")
    public Response signIn(@FormParam("token") String token, @FormParam("csrf") String csrf,
            @CookieParam(SIGN_IN_COOKIE) String expectedCsrf, @Context HttpServerRequest http) {
        if (csrf == null || expectedCsrf == null || !Secrets.constantTimeEquals(expectedCsrf, csrf)) {
            return form(http, 403, "The form expired; sign in again.");
        }
        Optional<AdminIdentity> identity = credentials.identify(token == null ? null : token.strip());
        if (identity.isEmpty()) {
            return form(http, 401, "That is neither the admin bootstrap token nor a valid admin access token.");
        }
        if (identity.get().role() == null) {
            return form(http, 403, "The token carries none of the roles " + String.join(", ", AdminOidc.ROLES) + ".");
        }
        ConsoleSessions.Opened opened = sessions.open(identity.get().subject(), identity.get().role());
        audit.record(opened.session(), http, "sign-in", null, "sessions", null, 303);
        return Response.seeOther(URI.create("/console"))
                .cookie(cookie(ConsoleFilter.COOKIE, opened.id(), "/console", http, -1),
                        cookie(SIGN_IN_COOKIE, "", ConsoleFilter.SIGN_IN, http, 0))
                .build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@FormParam("csrf") String csrf, @Context HttpServerRequest http) {
        caller.requireCsrf(csrf);
        sessions.close(caller.sessionId());
        audit.record(caller.session(), http, "sign-out", null, "sessions", null, 303);
        return Response.seeOther(URI.create(ConsoleFilter.SIGN_IN))
                .cookie(cookie(ConsoleFilter.COOKIE, "", "/console", http, 0)).build();
    }

    private Response form(HttpServerRequest http, int status, String error) {
        String csrf = Secrets.newToken("signin_");
        return Response.status(status).entity(Templates.signIn(csrf, error, oidc.enabled() ? oidc.providerName() : null))
                .cookie(cookie(SIGN_IN_COOKIE, csrf, ConsoleFilter.SIGN_IN, http, -1)).build();
    }

    /** HttpOnly and SameSite=Strict always; Secure when the browser came over HTTPS. */
    static NewCookie cookie(String name, String value, String path, HttpServerRequest http, int maxAge) {
        return cookie(name, value, path, http, maxAge, NewCookie.SameSite.STRICT);
    }

    static NewCookie cookie(String name, String value, String path, HttpServerRequest http, int maxAge,
            NewCookie.SameSite sameSite) {
        boolean https = http.isSSL() || "https".equalsIgnoreCase(http.scheme());
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(https)
                .sameSite(sameSite).maxAge(maxAge).build();
    }
}
