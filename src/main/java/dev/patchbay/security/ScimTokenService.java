package dev.patchbay.security;

import dev.patchbay.store.ScimToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, lists, revokes and checks the bearer tokens IdPs use on a connection's SCIM base. */
@ApplicationScoped
public class ScimTokenService {

    static final String TOKEN_PREFIX = "pbs_";

    private final Clock clock;

    private final CredentialCache cache;

    public ScimTokenService(Clock clock, CredentialCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    /** A new token: the secret is in the result and nowhere else. */
    @Transactional
    public IssuedToken issue(String connectionId, String description, Instant expiresAt) {
        String secret = Secrets.newToken(TOKEN_PREFIX);
        ScimToken token = new ScimToken();
        token.id = UUID.randomUUID();
        token.connectionId = connectionId;
        token.tokenHash = Secrets.sha256Hex(secret);
        token.description = description;
        token.createdAt = now();
        token.expiresAt = expiresAt;
        token.persist();
        return new IssuedToken(token, secret);
    }

    /** A token whose secret the operator chose (the demo token from configuration). */
    @Transactional
    public IssuedToken issueWithSecret(String connectionId, String description, String secret) {
        ScimToken token = new ScimToken();
        token.id = UUID.randomUUID();
        token.connectionId = connectionId;
        token.tokenHash = Secrets.sha256Hex(secret);
        token.description = description;
        token.createdAt = now();
        token.persist();
        return new IssuedToken(token, secret);
    }

    @Transactional
    public List<ScimToken> list(String connectionId, boolean includeRevoked) {
        return ScimToken.listForConnection(connectionId, includeRevoked);
    }

    /** Revokes the token at once; false when the connection has no such live token. */
    @Transactional
    public boolean revoke(String connectionId, UUID tokenId) {
        Optional<ScimToken> token = ScimToken.<ScimToken>findByIdOptional(tokenId)
                .filter(found -> found.connectionId.equals(connectionId) && found.revokedAt == null);
        token.ifPresent(found -> found.revokedAt = now());
        cache.invalidateAfterTransaction();
        return token.isPresent();
    }

    /**
     * The token's id when {@code presentedToken} is a live token of {@code connectionId}. An unknown
     * connection, another connection's token, a revoked or expired token all give the same answer.
     */
    @Transactional
    public Optional<UUID> authenticate(String connectionId, String presentedToken) {
        return authenticateToken(connectionId, presentedToken).map(token -> token.id);
    }

    /** The live token itself (its id and expiry), under the same rules as {@link #authenticate}. */
    @Transactional
    public Optional<ScimToken> authenticateToken(String connectionId, String presentedToken) {
        Instant now = now();
        return ScimToken.findByHash(Secrets.sha256Hex(presentedToken))
                .filter(token -> token.isLiveAt(now))
                .filter(token -> Secrets.constantTimeEquals(token.connectionId, connectionId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public record IssuedToken(ScimToken token, String secret) {
    }
}
