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

/** A username and password (HTTP Basic) an IdP uses on one connection; the password is kept as a slow salted hash. */
@Entity
@Table(name = "scim_basic_credential")
public class ScimBasicCredential extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ScimBasicCredential> findLive(String connectionId, String username) {
        return find("connectionId = ?1 and username = ?2 and revokedAt is null", connectionId, username)
                .firstResultOptional();
    }

    public static List<ScimBasicCredential> listForConnection(String connectionId, boolean includeRevoked) {
        return includeRevoked
                ? list("connectionId = ?1 order by createdAt, id", connectionId)
                : list("connectionId = ?1 and revokedAt is null order by createdAt, id", connectionId);
    }
}
