package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An external token issuer (for example Entra ID) whose signed JWTs one connection accepts. */
@Entity
@Table(name = "scim_trusted_issuer")
public class ScimTrustedIssuer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String audience;

    /** Null: taken from the issuer's {@code /.well-known/openid-configuration}. */
    @Column(name = "jwks_url")
    public String jwksUrl;

    /** Claim name to the value the token must carry (a list claim must contain it). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_claims", columnDefinition = "jsonb", nullable = false)
    public Map<String, String> requiredClaims;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ScimTrustedIssuer> listForConnection(String connectionId) {
        return list("connectionId = ?1 order by createdAt, id", connectionId);
    }
}
