package dev.patchbay.console.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code patchbay.console.oidc.*}: console sign-in at the admin OIDC provider ({@code patchbay.admin.oidc.issuer}).
 * It needs admin OIDC, since the access token it brings back is checked as the admin API checks it.
 */
@ApplicationScoped
public class ConsoleOidcSettings {

    private static final Logger LOG = Logger.getLogger(ConsoleOidcSettings.class);

    private final boolean enabled;
    private final String issuer;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String providerName;
    private final String scopes;
    private final Optional<String> redirectUri;
    private final Duration recheckEvery;
    private final Duration signInTimeout;

    public ConsoleOidcSettings(@ConfigProperty(name = "patchbay.console.oidc.enabled") boolean enabled,
            @ConfigProperty(name = "patchbay.admin.oidc.enabled") boolean adminOidc,
            @ConfigProperty(name = "patchbay.admin.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "patchbay.console.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "patchbay.console.oidc.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "patchbay.console.oidc.provider-name") String providerName,
            @ConfigProperty(name = "patchbay.console.oidc.scopes") String scopes,
            @ConfigProperty(name = "patchbay.console.oidc.redirect-uri") Optional<String> redirectUri,
            @ConfigProperty(name = "patchbay.console.oidc.recheck-every") Duration recheckEvery,
            @ConfigProperty(name = "patchbay.console.oidc.sign-in-timeout") Duration signInTimeout) {
        boolean complete = adminOidc && issuer.isPresent() && clientId.isPresent();
        if (enabled && !complete) {
            LOG.warn("patchbay.console.oidc.enabled is set, but console OIDC sign-in needs patchbay.admin.oidc.enabled,"
                    + " patchbay.admin.oidc.issuer and patchbay.console.oidc.client-id: it stays off");
        }
        this.enabled = enabled && complete;
        this.issuer = issuer.map(url -> url.replaceAll("/+$", "")).orElse("");
        this.clientId = clientId.orElse("");
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank());
        this.providerName = providerName;
        this.scopes = scopes.contains("openid") ? scopes : "openid " + scopes;
        this.redirectUri = redirectUri.filter(uri -> !uri.isBlank());
        this.recheckEvery = recheckEvery;
        this.signInTimeout = signInTimeout;
    }

    public boolean enabled() {
        return enabled;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret;
    }

    /** The name on the "Sign in with …" button. */
    public String providerName() {
        return providerName;
    }

    public String scopes() {
        return scopes;
    }

    /** Unset: the callback's URL as the browser reached this request (behind a proxy, see quarkus.http.proxy.*). */
    public Optional<String> redirectUri() {
        return redirectUri;
    }

    /** How often a session opened here is confirmed with the provider again (its refresh token). */
    public Duration recheckEvery() {
        return recheckEvery;
    }

    /** How long a started sign-in waits for the provider's callback. */
    public Duration signInTimeout() {
        return signInTimeout;
    }
}
