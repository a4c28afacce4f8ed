package dev.patchbay.security.jwt;

import dev.patchbay.store.ScimTrustedIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;

/** The external issuers whose JWTs a connection accepts, and the check of such a JWT. */
@ApplicationScoped
public class TrustedIssuerService {

    private final ExternalJwtVerifier verifier;
    private final Clock clock;

    public TrustedIssuerService(ExternalJwtVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    public record NewIssuer(String issuer, String audience, String jwksUrl, Map<String, String> requiredClaims,
            String description) {
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

    /** False when the connection has no such issuer. */
    @Transactional
    public boolean remove(String connectionId, UUID id) {
        return ScimTrustedIssuer.delete("id = ?1 and connectionId = ?2", id, connectionId) > 0;
    }

    /** The claims of a JWT that one of the connection's trusted issuers signed and that meets its settings. */
    public Optional<Verified> authenticate(String connectionId, String jwt, String claimedIssuer) {
        for (ScimTrustedIssuer trusted : candidates(connectionId, claimedIssuer)) {
            Optional<JwtClaims> claims = verifier.verify(jwt, new ExternalJwtVerifier.Expectations(trusted.issuer,
                    trusted.audience, trusted.jwksUrl, trusted.requiredClaims));
            if (claims.isPresent()) {
                return Optional.of(new Verified(trusted, claims.get()));
            }
        }
        return Optional.empty();
    }

    @Transactional
    List<ScimTrustedIssuer> candidates(String connectionId, String claimedIssuer) {
        return ScimTrustedIssuer.list("connectionId = ?1 and issuer = ?2", connectionId, claimedIssuer);
    }

    public record Verified(ScimTrustedIssuer issuer, JwtClaims claims) {
    }
}
