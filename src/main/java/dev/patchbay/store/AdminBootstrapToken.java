package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The hash of the admin bootstrap token Patchbay generated on its first start. */
@Entity
@Table(name = "admin_bootstrap_token")
public class AdminBootstrapToken extends PanacheEntityBase {

    public static final short SINGLE_ROW = 1;

    @Id
    public short id = SINGLE_ROW;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<AdminBootstrapToken> current() {
        return findByIdOptional(SINGLE_ROW);
    }
}
