package dev.patchbay.scim.filter;

import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each resource type keeps the attributes that have columns of their own (indexed, or computed
 * from other tables); every other attribute is read from the {@code resource} jsonb column.
 */
public final class ResourceColumns {

    /** A multi-valued attribute kept in rows of another table: the rows of resource {@code r}, aliased. */
    record Relation(String fromWhere, Map<String, Column> subAttributes) {
    }

    public static final ResourceColumns USER = new ResourceColumns("User", Map.of(
            "id", Column.uuid("r.id"),
            "username", Column.text("r.user_name", false),
            "externalid", Column.text("r.external_id", true),
            "displayname", Column.text("r.display_name", false),
            "active", Column.typed("r.active", AttributeType.BOOLEAN),
            "meta.created", Column.typed("r.created", AttributeType.DATETIME),
            "meta.lastmodified", Column.typed("r.last_modified", AttributeType.DATETIME),
            "meta.resourcetype", Column.text("'User'", true),
            "meta.version", Column.text("('W/\"' || r.version || '\"')", true)),
            Map.of("groups", new Relation(
                    "scim_group_member %1$s join scim_group %1$sg on %1$sg.id = %1$s.group_id where %1$s.member_id = r.id",
                    Map.of("value", Column.uuid("%1$s.group_id"),
                            "display", Column.text("%1$sg.display_name", false),
                            "type", Column.text("'direct'", true)))),
            true);

    public static final ResourceColumns GROUP = new ResourceColumns("Group", Map.of(
            "id", Column.uuid("r.id"),
            "displayname", Column.text("r.display_name", false),
            "externalid", Column.text("r.external_id", true),
            "meta.created", Column.typed("r.created", AttributeType.DATETIME),
            "meta.lastmodified", Column.typed("r.last_modified", AttributeType.DATETIME),
            "meta.resourcetype", Column.text("'Group'", true),
            "meta.version", Column.text("('W/\"' || r.version || '\"')", true)),
            Map.of("members", new Relation("scim_group_member %1$s where %1$s.group_id = r.id",
                    Map.of("value", Column.uuid("%1$s.member_id"),
                            "type", Column.text("%1$s.member_type", true),
                            "display", Column.text("(select coalesce(u.display_name, u.user_name) from scim_user u"
                                    + " where u.id = %1$s.member_id union all select g.display_name from scim_group g"
                                    + " where g.id = %1$s.member_id limit 1)", false)))),
            false);

    private final String resourceType;
    private final Map<String, Column> columns;
    private final Map<String, Relation> relations;
    private final boolean hasEmailKeys;

    private ResourceColumns(String resourceType, Map<String, Column> columns, Map<String, Relation> relations,
            boolean hasEmailKeys) {
        this.resourceType = resourceType;
        this.columns = columns;
        this.relations = relations;
        this.hasEmailKeys = hasEmailKeys;
    }

    String resourceType() {
        return resourceType;
    }

    Optional<Column> column(String path) {
        return Optional.ofNullable(columns.get(path.toLowerCase(Locale.ROOT)));
    }

    Optional<Relation> relation(String attribute) {
        return Optional.ofNullable(relations.get(attribute.toLowerCase(Locale.ROOT)));
    }

    /** Users keep lower-cased "type:value" and "*:value" keys of their emails in an indexed array. */
    boolean hasEmailKeys() {
        return hasEmailKeys;
    }
}
