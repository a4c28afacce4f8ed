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

/** A group as the IdP sees it; its members are rows of {@code scim_group_member}. */
@Entity
@Table(name = "scim_group")
public class ScimGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "connection_id", nullable = false)
    public String connectionId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "external_id")
    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String resource;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public Instant created;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;
}
