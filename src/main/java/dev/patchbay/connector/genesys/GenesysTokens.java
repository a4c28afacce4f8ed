package dev.patchbay.connector.genesys;

import dev.patchbay.connector.ConnectorException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client-credentials access tokens for one Genesys Cloud OAuth client, through quarkus-oidc-client: one
 * token is shared by every call and replaced shortly before it expires (Genesys issues no refresh
 * token for this grant), or at once when the API no longer accepts it.
 */
final class GenesysTokens {

    private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");
    private static final Pattern OAUTH_REFUSAL = Pattern.compile(
            "invalid_client|unauthorized_client|invalid_grant|unsupported_grant_type|invalid_scope");
    private static final Duration LONGEST_SKEW = Duration.ofMinutes(1);

    private final OidcClients clients;
    private final GenesysSettings settings;
    private final String clientName;
    private final Clock clock;
    private OidcClient client;
    private Tokens tokens;
    private long receivedAt;

    GenesysTokens(OidcClients clients, GenesysSettings settings, String clientName, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.clientName = clientName;
        this.clock = clock;
    }

    synchronized String accessToken() {
        if (tokens == null || expiresSoon()) {
            tokens = fetch();
            receivedAt = clock.instant().getEpochSecond();
        }
        return tokens.getAccessToken();
    }

    /** The API refused this token (revoked, or the org's clock differs): the next call gets a new one. */
    synchronized void rejected(String accessToken) {
        if (tokens != null && tokens.getAccessToken().equals(accessToken)) {
            tokens = null;
        }
    }

    /** Renews when a fifth of the token's life, at most a minute, is left. */
    private boolean expiresSoon() {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        if (expiresAt == null) {
            return false;
        }
        long skew = Math.min(LONGEST_SKEW.toSeconds(), Math.max(0, (expiresAt - receivedAt) / 5));
        return clock.instant().getEpochSecond() >= expiresAt - skew;
    }

    private Tokens fetch() {
        try {
            return client().getTokens().await().atMost(settings.requestTimeout().multipliedBy(2));
        } catch (OidcClientException e) {
            String message = String.valueOf(e.getMessage());
            Matcher status = STATUS.matcher(message);
            int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
            if (code == 400 || code == 401 || code == 403 || OAUTH_REFUSAL.matcher(message).find()) {
                throw new ConnectorException.AuthFailed("Genesys Cloud refused the OAuth client " + settings.clientId()
                        + ": check clientId, clientSecret and that the client uses the client credentials grant ("
                        + message + ")");
            }
            throw new ConnectorException.Retryable("Genesys Cloud login failed: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            throw new ConnectorException.Retryable("Genesys Cloud login unreachable: " + e.getMessage(), null);
        }
    }

    private OidcClient client() {
        if (client == null) {
            OidcClientConfig config = new OidcClientConfigBuilder()
                    .id(clientName)
                    .authServerUrl(settings.loginBaseUrl().toString())
                    .discoveryEnabled(false)
                    .tokenPath(settings.loginBaseUrl() + "/oauth/token")
                    .clientId(settings.clientId())
                    .credentials().clientSecret(settings.clientSecret(),
                            OidcClientCommonConfig.Credentials.Secret.Method.BASIC).end()
                    .grant(OidcClientConfig.Grant.Type.CLIENT)
                    .connectionTimeout(settings.requestTimeout())
                    .build();
            client = clients.newClient(config).await().atMost(settings.requestTimeout());
        }
        return client;
    }

    synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (java.io.IOException | RuntimeException e) {
                // a client that cannot close has nothing left to release
            }
            client = null;
        }
    }
}
