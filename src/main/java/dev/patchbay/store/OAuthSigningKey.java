package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The key pair Patchbay signs OAuth access tokens with; one row for all replicas. The private key
 * (PKCS#8, Base64) is stored sealed like a vendor secret (JSON: an encrypted envelope bound to
 * {@link #SECRET_SCOPE}); the public key (X.509, Base64) is plain.
 */
@Entity
@Table(name = "oauth_signing_key")
public class OAuthSigningKey extends PanacheEntityBase {

    public static final short SINGLE_ROW = 1;
    public static final String SECRET_SCOPE = "patchbay:oauth-signing-key";

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
