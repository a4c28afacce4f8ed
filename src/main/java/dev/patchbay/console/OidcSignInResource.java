package dev.patchbay.console;

import dev.patchbay.console.oidc.ConsoleOidcSettings;
import dev.patchbay.console.oidc.IdTokens;
import dev.patchbay.console.oidc.OidcProvider;
import dev.patchbay.console.oidc.ProviderRefusal;
import dev.patchbay.console.oidc.ProviderTokens;
import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.AdminOidc.AdminIdentity;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sign-in at the admin OIDC provider: the authorization-code flow with state, nonce and PKCE. The
 * access token that comes back is checked exactly as the admin API checks one (same roles claim), and the
 * console session cookie is then issued as for a pasted token.
 */
@Path("/console/oidc")
@Produces(MediaType.TEXT_HTML)
public class OidcSignInResource {

    static final String START = "/console/oidc/start";
    static final String CALLBACK = "/console/oidc/callback";
    static final String BROWSER_COOKIE = "patchbay_console_oidc";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signedIn(String provider);
    }

    private final ConsoleOidcSettings settings;
    private final OidcSignIns signIns;
    private final OidcProvider provider;
    private final IdTokens idTokens;
    private final AdminOidc adminOidc;
    private final ConsoleSessions sessions;
    private final OidcSessionCheck check;
    private final ConsoleAudit audit;
    private final Clock clock;

    public OidcSignInResource(ConsoleOidcSettings settings, OidcSignIns signIns, OidcProvider provider, IdTokens idTokens,
            AdminOidc adminOidc, ConsoleSessions sessions, OidcSessionCheck check, ConsoleAudit audit, Clock clock) {
        this.settings = settings;
        this.signIns = signIns;
        this.provider = provider;
        this.idTokens = idTokens;
        this.adminOidc = adminOidc;
        this.sessions = sessions;
        this.check = check;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Path("start")
    public Response start(@Context HttpServerRequest http) {
        if (!settings.enabled()) {
            return ConsoleErrors.page(404, "Sign-in with an identity provider is not configured here.");
        }
        String redirectUri = settings.redirectUri()
                .orElseGet(() -> URI.create(http.absoluteURI()).resolve(CALLBACK).toString());
        OidcSignIns.Started started = signIns.start(redirectUri, settings.signInTimeout());
        URI target;
        try {
            target = provider.authorizationUrl(started.state(), started.nonce(), started.codeChallenge(), redirectUri);
        } catch (ProviderRefusal e) {
            return ConsoleErrors.page(503, e.getMessage());
        }
        return Response.seeOther(target).cookie(browserCookie(started.browserKey(), http,
                (int) settings.signInTimeout().toSeconds())).build();
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @CookieParam(BROWSER_COOKIE) String browserKey,
            @Context HttpServerRequest http) {
        if (!settings.enabled()) {
            return ConsoleErrors.page(404, "Sign-in with an identity provider is not configured here.");
        }
        Optional<OidcSignIns.Pending> pending = signIns.take(state, browserKey);
        if (pending.isEmpty()) {
            return refused(http, 400, "This answer from the identity provider is not one this browser is waiting for:"
                    + " it is forged, was used already, or the sign-in expired. Start again from the sign-in page.");
        }
        if (error != null) {
            return refused(http, 403, settings.providerName() + " did not sign you in (" + error + ").");
        }
        if (code == null || code.isBlank()) {
            return refused(http, 400, settings.providerName() + "'s answer carries no authorization code.");
        }
        try {
            ProviderTokens tokens = provider.redeem(code, pending.get().codeVerifier(), pending.get().redirectUri());
            idTokens.check(tokens.idToken().orElseThrow(() -> new ProviderRefusal(
                    "The identity provider's token answer has no id_token (is the scope openid asked for?).")),
                    pending.get().nonce());
            Optional<AdminIdentity> identity = adminOidc.authenticate(tokens.accessToken());
            if (identity.isEmpty()) {
                return refused(http, 401, "The access token from " + settings.providerName()
                        + " is not accepted by the admin API (issuer, audience or signature).");
            }
            if (identity.get().role() == null) {
                return refused(http, 403, "Your account at " + settings.providerName() + " carries none of the roles "
                        + String.join(", ", AdminOidc.ROLES) + ".");
            }
            return signedIn(identity.get(), tokens, http);
        } catch (ProviderRefusal e) {
            return refused(http, 401, e.getMessage());
        }
    }

    /**
     * A page that moves on to the overview itself: the session cookie is SameSite=Strict, and a browser
     * withholds it on a redirect chain that began at the provider's site, so a plain 303 would land on
     * the sign-in form again.
     */
    private Response signedIn(AdminIdentity identity, ProviderTokens tokens, HttpServerRequest http) {
        Instant now = clock.instant();
        Instant notAfter = tokens.refreshToken().isPresent() ? null
                : now.plusSeconds(tokens.expiresInSeconds().orElse(settings.recheckEvery().toSeconds()));
        ConsoleSessions.Opened opened = sessions.openOidc(identity.subject(), identity.role(),
                tokens.refreshToken().map(check::seal).orElse(null), now.plus(settings.recheckEvery()), notAfter);
        audit.record(opened.session(), http, "sign-in", null, "sessions", null, 200);
        return Response.ok(Templates.signedIn(settings.providerName()))
                .cookie(SignInResource.cookie(ConsoleFilter.COOKIE, opened.id(), "/console", http, -1),
                        browserCookie("", http, 0))
                .build();
    }

    private static Response refused(HttpServerRequest http, int status, String message) {
        return Response.fromResponse(ConsoleErrors.page(status, message)).cookie(browserCookie("", http, 0)).build();
    }

    /** Lax, not Strict: the browser must send it back on the provider's redirect to the callback. */
    private static NewCookie browserCookie(String value, HttpServerRequest http, int maxAge) {
        return SignInResource.cookie(BROWSER_COOKIE, value, "/console/oidc", http, maxAge, NewCookie.SameSite.LAX);
    }
}
