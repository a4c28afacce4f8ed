package dev.patchbay.security.jwt;

import dev.patchbay.security.CredentialCache;
import dev.patchbay.store.ScimTrustedIssuer;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** The external issuers whose JWTs a connection accepts, and the check of such a JWT by quarkus-oidc. */
@ApplicationScoped
public class TrustedIssuerService {

    private static final Logger LOG = Logger.getLogger(TrustedIssuerService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** quarkus-oidc puts the id of the tenant that verified the token here. */
    private static final String TENANT_ID_ATTRIBUTE = "tenant-id";

    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    private final CredentialCache cache;

    public TrustedIssuerService(CurrentIdentityAssociation identities, Clock clock, CredentialCache cache) {
        this.identities = identities;
        this.clock = clock;
        this.cache = cache;
    }

    public record NewIssuer(String issuer, String audience, String jwksUrl, Map<String, String> requiredClaims,
            String description) {
    }

    /** The caller named by a verified token: the issuer row and the token's claims. */
    public record Verified(ScimTrustedIssuer issuer, JsonWebToken token) {
    }

    @Transactional
    public ScimTrustedIssuer add(String connectionId, NewIssuer request) {
        ScimTrustedIssuer issuer = new ScimTrustedIssuer();
        issuer.id = UUID.randomUUID();
        issuer.connectionId = connectionId;
        issuer.issuer = request.issuer();
        issuer.audience = request.audience();
        issuer.jwksUrl = request.jwksUrl();
        issuer.requiredClaims = request.requiredClaims() == null ? Map.of() : Map.copyOf(request.requiredClaims());
        issuer.description = request.description();
        issuer.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        issuer.persist();
        return issuer;
    }

    @Transactional
    public List<ScimTrustedIssuer> list(String connectionId) {
        return ScimTrustedIssuer.listForConnection(connectionId);
    }

    /** The connection's settings for tokens of {@code issuer}; a connection trusts each issuer at most once. */
    @Transactional
    public Optional<ScimTrustedIssuer> find(String connectionId, String issuer) {
        return ScimTrustedIssuer.find("connectionId = ?1 and issuer = ?2", connectionId, issuer).firstResultOptional();
    }

    /** False when the connection has no such issuer. */
    @Transactional
    public boolean remove(String connectionId, UUID id) {
        cache.invalidateAfterTransaction();
        return ScimTrustedIssuer.delete("id = ?1 and connectionId = ?2", id, connectionId) > 0;
    }

    /**
     * Checks the request's JWT when {@code claimedIssuer} is trusted by the connection. The check itself is
     * quarkus-oidc's: asking for the request's identity runs its bearer token mechanism with the tenant
     * {@link ScimIssuerTenants} builds for this issuer. Must run on a worker thread.
     */
    public Optional<Verified> authenticate(String connectionId, String claimedIssuer) {
        Optional<ScimTrustedIssuer> trusted = find(connectionId, claimedIssuer);
        if (trusted.isEmpty()) {
            return Optional.empty();
        }
        SecurityIdentity identity;
        try {
            identity = identities.getDeferredIdentity().await().atMost(TIMEOUT);
        } catch (AuthenticationFailedException e) {
            LOG.debugf("JWT of %s rejected: %s", claimedIssuer, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("JWT of %s could not be checked: %s", claimedIssuer, e.toString());
            return Optional.empty();
        }
        boolean byThisIssuer = identity != null && !identity.isAnonymous()
                && ScimIssuerTenants.tenantId(trusted.get()).equals(identity.getAttribute(TENANT_ID_ATTRIBUTE))
                && identity.getPrincipal() instanceof JsonWebToken;
        return byThisIssuer ? Optional.of(new Verified(trusted.get(), (JsonWebToken) identity.getPrincipal()))
                : Optional.empty();
    }

    /** The {@code exp} of a JWT without checking anything (call it on a token already verified). */
    public static Optional<java.time.Instant> unverifiedExpiry(String token) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
            return claims.getExpirationTime() == null ? Optional.empty()
                    : Optional.of(java.time.Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** The {@code iss} of a JWT without checking anything else; empty when it is not a JWT. */
    public static Optional<String> unverifiedIssuer(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
            return Optional.ofNullable(claims.getIssuer());
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
