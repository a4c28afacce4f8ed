package dev.patchbay.console;

import dev.patchbay.console.oidc.ConsoleOidcSettings;
import dev.patchbay.console.oidc.OidcProvider;
import dev.patchbay.console.oidc.ProviderRefusal;
import dev.patchbay.console.oidc.ProviderTokens;
import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.secrets.SecretDecryptionException;
import dev.patchbay.security.AdminOidc;
import dev.patchbay.security.AdminOidc.AdminIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A session opened at the OIDC provider lasts only while the provider vouches for the admin: every
 * {@code patchbay.console.oidc.recheck-every} the next request refreshes the tokens there and checks the new
 * access token as the admin API would. A refused refresh (tokens revoked, the admin signed out or removed),
 * an unreachable provider or a token without an admin role ends the session; a changed role is taken over.
 */
@ApplicationScoped
class OidcSessionCheck {

    static final String SECRET_SCOPE = "console-session";
    private static final Logger LOG = Logger.getLogger(OidcSessionCheck.class);

    private final ConsoleSessions sessions;
    private final OidcProvider provider;
    private final AdminOidc adminOidc;
    private final ConnectionSecrets secrets;
    private final ConsoleOidcSettings settings;
    private final ConsoleAudit audit;
    private final Clock clock;

    OidcSessionCheck(ConsoleSessions sessions, OidcProvider provider, AdminOidc adminOidc, ConnectionSecrets secrets,
            ConsoleOidcSettings settings, ConsoleAudit audit, Clock clock) {
        this.sessions = sessions;
        this.provider = provider;
        this.adminOidc = adminOidc;
        this.secrets = secrets;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    String seal(String refreshToken) {
        return secrets.sealJson(SECRET_SCOPE, refreshToken);
    }

    /** The session as it stands after a due re-check, or empty when the re-check ended it. */
    Optional<ConsoleSession> confirm(String id, ConsoleSession session, HttpServerRequest http) {
        if (session.recheckAt() == null || clock.instant().isBefore(session.recheckAt())) {
            return Optional.of(session);
        }
        Optional<String> sealed = sessions.takeRecheck(id, clock.instant().plus(settings.recheckEvery()));
        if (sealed.isEmpty()) {
            return Optional.of(session);
        }
        String refused;
        try {
            String refreshToken = secrets.openJson(SECRET_SCOPE, "oidcRefreshToken", sealed.get()).orElseThrow();
            ProviderTokens tokens = provider.refresh(refreshToken);
            Optional<AdminIdentity> identity = adminOidc.authenticate(tokens.accessToken());
            if (identity.isPresent() && identity.get().role() != null) {
                sessions.confirmed(id, identity.get().role(), tokens.refreshToken().map(this::seal).orElse(null));
                return Optional.of(session.withRole(identity.get().role()));
            }
            refused = identity.isEmpty() ? "its new access token is not accepted" : "the admin has no admin role any more";
        } catch (ProviderRefusal e) {
            refused = e.getMessage();
        } catch (SecretDecryptionException e) {
            refused = "its refresh token cannot be read (" + e.getMessage() + ")";
        }
        LOG.infof("Console session of %s ended at the provider's re-check: %s", session.actor(), refused);
        sessions.close(id);
        audit.record(session, http, "session-ended", null, "sessions", null, 401);
        return Optional.empty();
    }
}
