package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A bearer token an IdP uses for one connection's SCIM base; only its SHA-256 hash is kept. */
@Entity
@Table(name = "scim_token")
public class ScimToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isLiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public static Optional<ScimToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static List<ScimToken> listForConnection(String connectionId, boolean includeRevoked) {
        return includeRevoked
                ? list("connectionId = ?1 order by createdAt, id", connectionId)
                : list("connectionId = ?1 and revokedAt is null order by createdAt, id", connectionId);
    }
}
