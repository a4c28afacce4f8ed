package dev.patchbay.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user as the IdP sees it. {@code resource} is the SCIM JSON without id, meta, schemas and groups. */
@Entity
@Table(name = "scim_user")
public class ScimUser extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(name = "user_name", nullable = false)
    public String userName;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "display_name")
    public String displayName;

    @Column(nullable = false)
    public boolean active;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String resource;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "email_keys", nullable = false, columnDefinition = "text[]")
    public String[] emailKeys;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public Instant created;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;
}
