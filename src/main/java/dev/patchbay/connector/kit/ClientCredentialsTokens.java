package dev.patchbay.connector.kit;

import dev.patchbay.connector.ConnectorException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OAuth 2.0 client-credentials access tokens for one vendor client, through quarkus-oidc-client: one
 * token shared by every call, replaced when a fifth of its life (at most a minute) is left, or at once
 * when the vendor's API no longer accepts it. A refusal at the token endpoint means the credentials are
 * wrong ({@link ConnectorException.AuthFailed}); anything else there is passing.
 */
public final class ClientCredentialsTokens implements AutoCloseable {

    /** Where and how to ask: the token URL, the client, optional scopes, and how the secret is sent. */
    public record Client(String vendor, URI tokenUrl, String clientId, String clientSecret, List<String> scopes,
            boolean secretInBasicHeader, Duration timeout) {

        public Client {
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Client[vendor=" + vendor + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", scopes="
                    + scopes + "]";
        }
    }

    private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");
    private static final Pattern OAUTH_REFUSAL = Pattern.compile(
            "invalid_client|unauthorized_client|invalid_grant|unsupported_grant_type|invalid_scope");
    private static final Duration LONGEST_SKEW = Duration.ofMinutes(1);

    private final OidcClients clients;
    private final Client settings;
    private final String clientName;
    private final Clock clock;
    private OidcClient client;
    private Tokens tokens;
    private long receivedAt;

    /** @param clientName unique per connection and client, e.g. "genesys-demo-genesys" */
    public ClientCredentialsTokens(OidcClients clients, Client settings, String clientName, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.clientName = clientName;
        this.clock = clock;
    }

    public synchronized String accessToken() {
        if (tokens == null || expiresSoon()) {
            tokens = fetch();
            receivedAt = clock.instant().getEpochSecond();
        }
        return tokens.getAccessToken();
    }

    /** The API refused this token (revoked, or the vendor's clock differs): the next call gets a new one. */
    public synchronized void rejected(String accessToken) {
        if (tokens != null && tokens.getAccessToken().equals(accessToken)) {
            tokens = null;
        }
    }

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
            return client().getTokens().await().atMost(settings.timeout().multipliedBy(2));
        } catch (OidcClientException e) {
            String message = String.valueOf(e.getMessage());
            Matcher status = STATUS.matcher(message);
            int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
            if (code == 400 || code == 401 || code == 403 || OAUTH_REFUSAL.matcher(message).find()) {
                throw new ConnectorException.AuthFailed(settings.vendor() + " refused the OAuth client "
                        + settings.clientId() + ": check the client id and secret"
                        + (settings.scopes().isEmpty() ? "" : ", its scopes " + settings.scopes())
                        + " and that it may use the client credentials grant (" + message + ")");
            }
            throw new ConnectorException.Retryable(settings.vendor() + " login failed: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            throw new ConnectorException.Retryable(settings.vendor() + " login unreachable: " + e.getMessage(), null);
        }
    }

    private OidcClient client() {
        if (client == null) {
            OidcClientConfigBuilder builder = new OidcClientConfigBuilder()
                    .id(clientName)
                    .authServerUrl(base(settings.tokenUrl()))
                    .discoveryEnabled(false)
                    .tokenPath(settings.tokenUrl().toString())
                    .clientId(settings.clientId())
                    .credentials().clientSecret(settings.clientSecret(), settings.secretInBasicHeader()
                            ? OidcClientCommonConfig.Credentials.Secret.Method.BASIC
                            : OidcClientCommonConfig.Credentials.Secret.Method.POST).end()
                    .grant(OidcClientConfig.Grant.Type.CLIENT)
                    .connectionTimeout(settings.timeout());
            if (!settings.scopes().isEmpty()) {
                builder.scopes(settings.scopes());
            }
            client = clients.newClient(builder.build()).await().atMost(settings.timeout());
        }
        return client;
    }

    private static String base(URI tokenUrl) {
        return tokenUrl.getScheme() + "://" + tokenUrl.getAuthority();
    }

    @Override
    public synchronized void close() {
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
