package dev.patchbay.security.oauth;

import dev.patchbay.security.Secrets;
import dev.patchbay.store.ScimOAuthClient;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Signs and checks the access tokens of the client credentials grant. A token names its connection in
 * the {@code connection} claim and its client in {@code client_id}; it is good only on that connection
 * and only while the client is not revoked.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);
    public static final String AUDIENCE = "patchbay-scim";
    static final String CONNECTION_CLAIM = "connection";
    static final String CLIENT_ID_CLAIM = "client_id";

    private final SigningKeys keys;
    private final OAuthSettings settings;
    private final OAuthClientService clients;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, OAuthSettings settings, OAuthClientService clients, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
    }

    void checkSettings(@Observes StartupEvent event) {
        if (!OAuthSettings.isAllowedLifetime(settings.tokenLifetime().toMinutes())
                || settings.tokenLifetime().toSeconds() % 60 != 0) {
            throw new IllegalStateException("patchbay.oauth.token-lifetime must be whole minutes from "
                    + OAuthSettings.MIN_LIFETIME_MINUTES + " to " + OAuthSettings.MAX_LIFETIME_MINUTES
                    + ", not " + settings.tokenLifetime());
        }
    }

    public record AccessToken(String token, Duration lifetime) {
    }

    public AccessToken issue(ScimOAuthClient client) {
        Duration lifetime = client.tokenLifetimeMinutes != null
                ? Duration.ofMinutes(client.tokenLifetimeMinutes) : settings.tokenLifetime();
        Instant now = clock.instant();
        return new AccessToken(sign(client, now, now.plus(lifetime)), lifetime);
    }

    /** Signs a token with explicit times; {@link #issue} is the way in, tests use this to craft expired tokens. */
    public String sign(ScimOAuthClient client, Instant issuedAt, Instant expiresAt) {
        SigningKeys.SigningKey key = keys.current();
        return Jwt.issuer(settings.issuer())
                .audience(AUDIENCE)
                .subject(client.clientId)
                .claim(CLIENT_ID_CLAIM, client.clientId)
                .claim(CONNECTION_CLAIM, client.connectionId)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws().keyId(key.keyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
    }

    public boolean isOurs(String issuer) {
        return settings.issuer().equals(issuer);
    }

    /** The client of a valid, unexpired token of {@code connectionId} whose client is still live. */
    public Optional<ScimOAuthClient> authenticate(String connectionId, String token) {
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setExpectedIssuer(settings.issuer())
                    .setExpectedAudience(AUDIENCE)
                    .setVerificationKey(keys.current().publicKey())
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, SigningKeys.ALGORITHM)
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            LOG.debugf("Access token rejected: %s", e.getMessage());
            return Optional.empty();
        }
        try {
            String tokenConnection = claims.getStringClaimValue(CONNECTION_CLAIM);
            String clientId = claims.getStringClaimValue(CLIENT_ID_CLAIM);
            if (tokenConnection == null || clientId == null
                    || !Secrets.constantTimeEquals(tokenConnection, connectionId)) {
                return Optional.empty();
            }
            return clients.liveClient(clientId, connectionId);
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
