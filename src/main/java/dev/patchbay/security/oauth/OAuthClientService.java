package dev.patchbay.security.oauth;

import dev.patchbay.security.CredentialCache;
import dev.patchbay.security.Secrets;
import dev.patchbay.store.ScimOAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists, revokes and authenticates the OAuth clients of connections. */
@ApplicationScoped
public class OAuthClientService {

    static final String CLIENT_ID_PREFIX = "pbc_";
    static final String SECRET_PREFIX = "pbcs_";

    private final Clock clock;

    private final CredentialCache cache;

    public OAuthClientService(Clock clock, CredentialCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    /** A new client: the secret is in the result and nowhere else. Lifetime null means the global default. */
    @Transactional
    public IssuedClient create(String connectionId, String description, Integer tokenLifetimeMinutes) {
        if (tokenLifetimeMinutes != null && !OAuthSettings.isAllowedLifetime(tokenLifetimeMinutes)) {
            throw new IllegalArgumentException("token lifetime out of range: " + tokenLifetimeMinutes);
        }
        String secret = Secrets.newToken(SECRET_PREFIX);
        ScimOAuthClient client = new ScimOAuthClient();
        client.id = UUID.randomUUID();
        client.connectionId = connectionId;
        client.clientId = CLIENT_ID_PREFIX + UUID.randomUUID().toString().replace("-", "");
        client.secretHash = Secrets.sha256Hex(secret);
        client.description = description;
        client.tokenLifetimeMinutes = tokenLifetimeMinutes;
        client.createdAt = now();
        client.persist();
        return new IssuedClient(client, secret);
    }

    @Transactional
    public List<ScimOAuthClient> list(String connectionId, boolean includeRevoked) {
        return ScimOAuthClient.listForConnection(connectionId, includeRevoked);
    }

    /** Revokes the client and with it every access token it holds; false when the connection has no such live client. */
    @Transactional
    public boolean revoke(String connectionId, UUID id) {
        Optional<ScimOAuthClient> client = ScimOAuthClient.<ScimOAuthClient>findByIdOptional(id)
                .filter(found -> found.connectionId.equals(connectionId) && found.isLive());
        client.ifPresent(found -> found.revokedAt = now());
        cache.invalidateAfterTransaction();
        return client.isPresent();
    }

    /** The live client with this id and secret; an unknown id, a wrong secret and a revoked client look alike. */
    @Transactional
    public Optional<ScimOAuthClient> authenticate(String clientId, String secret) {
        String presentedHash = Secrets.sha256Hex(secret);
        return ScimOAuthClient.findByClientId(clientId)
                .filter(ScimOAuthClient::isLive)
                .filter(client -> Secrets.constantTimeEquals(client.secretHash, presentedHash));
    }

    /** The live client behind an access token, if it still belongs to {@code connectionId}. */
    @Transactional
    public Optional<ScimOAuthClient> liveClient(String clientId, String connectionId) {
        return ScimOAuthClient.findByClientId(clientId)
                .filter(ScimOAuthClient::isLive)
                .filter(client -> Secrets.constantTimeEquals(client.connectionId, connectionId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public record IssuedClient(ScimOAuthClient client, String secret) {
    }
}
