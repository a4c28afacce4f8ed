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

    private static final String PROVISIONING = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:user:provisioning.";
    /** The provisioning status is the user's vendor_account row, not part of the stored resource. */
    private static final String ACCOUNT = "(select va.%s from vendor_account va"
            + " where va.connection_id = r.connection_id and va.user_id = r.id)";
    private static final String JOB_DUE = "exists (select 1 from provisioning_job j where j.connection_id = r.connection_id"
            + " and j.user_id = r.id and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <= now())))";

    public static final ResourceColumns USER = new ResourceColumns("User", Map.ofEntries(
            Map.entry("id", Column.uuid("r.id")),
            Map.entry("username", Column.text("r.user_name", false)),
            Map.entry("externalid", Column.text("r.external_id", true)),
            Map.entry("displayname", Column.text("r.display_name", false)),
            Map.entry("active", Column.typed("r.active", AttributeType.BOOLEAN)),
            Map.entry("meta.created", Column.typed("r.created", AttributeType.DATETIME)),
            Map.entry("meta.lastmodified", Column.typed("r.last_modified", AttributeType.DATETIME)),
            Map.entry("meta.resourcetype", Column.text("'User'", true)),
            Map.entry("meta.version", Column.text("('W/\"' || r.version || '\"')", true)),
            // As the representation says: "pending" without a vendor account yet, or while a job is due or running.
            Map.entry(PROVISIONING + "state", Column.text("(case when " + JOB_DUE + " then 'pending' else coalesce("
                    + ACCOUNT.formatted("status") + ", 'pending') end)", false)),
            Map.entry(PROVISIONING + "vendorid", Column.text(ACCOUNT.formatted("vendor_id"), true)),
            Map.entry(PROVISIONING + "lasterror", Column.text(ACCOUNT.formatted("last_error"), false)),
            Map.entry(PROVISIONING + "pendingsteps", Column.typed(ACCOUNT.formatted("pending_steps"), AttributeType.INTEGER)),
            Map.entry(PROVISIONING + "updated", Column.typed(ACCOUNT.formatted("updated"), AttributeType.DATETIME))),
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
