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

/** An OAuth 2.0 client an IdP uses to get access tokens for one connection; only its secret's hash is kept. */
@Entity
@Table(name = "scim_oauth_client")
public class ScimOAuthClient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    public String description;

    /** Null: the global default lifetime applies. */
    @Column(name = "token_lifetime_minutes")
    public Integer tokenLifetimeMinutes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isLive() {
        return revokedAt == null;
    }

    public static Optional<ScimOAuthClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResultOptional();
    }

    public static List<ScimOAuthClient> listForConnection(String connectionId, boolean includeRevoked) {
        return includeRevoked
                ? list("connectionId = ?1 order by createdAt, id", connectionId)
                : list("connectionId = ?1 and revokedAt is null order by createdAt, id", connectionId);
    }
}
