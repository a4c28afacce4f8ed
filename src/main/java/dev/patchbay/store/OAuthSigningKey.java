package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The key pair (PKCS#8 and X.509, Base64) Patchbay signs OAuth access tokens with; one row for all replicas. */
@Entity
@Table(name = "oauth_signing_key")
public class OAuthSigningKey extends PanacheEntityBase {

    public static final short SINGLE_ROW = 1;

    @Id
    public short id = SINGLE_ROW;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "private_key", nullable = false)
    public String privateKey;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<OAuthSigningKey> current() {
        return findByIdOptional(SINGLE_ROW);
    }
}
