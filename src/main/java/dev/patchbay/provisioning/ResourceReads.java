package dev.patchbay.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SCIM read paths — a page of users with their groups and provisioning status, a page of groups with
 * their members — each as one plain JDBC statement: no entity mapping, no transaction of its own (outside
 * one the connection autocommits; inside one, the datasource hands out the transaction's connection).
 */
@ApplicationScoped
public class ResourceReads {

    /** A page of users and what their representations show besides their stored attributes. */
    public record UserPage(QueryResult<StoredUser> result, UserDetails.Details details) {
    }

    /** A page of groups and, when asked for, their members (null otherwise). */
    public record GroupPage(QueryResult<StoredGroup> result, Map<UUID, List<Member>> members) {
    }

    private static final int CONTAINED_IDS = 1_000;

    private static final String USER_COLUMNS = "r.id, r.user_name, r.external_id, r.display_name, r.active,"
            + " r.email_keys, cast(r.resource as text), r.version, r.created, r.last_modified";
    private static final String GROUP_COLUMNS = "r.id, r.display_name, r.external_id, cast(r.resource as text),"
            + " r.version, r.created, r.last_modified";

    private final AgroalDataSource dataSource;
    private final JsonColumns json;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ResourceReads(AgroalDataSource dataSource, JsonColumns json, ObjectMapper objectMapper, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The users the query selects; their groups (direct and nested) only when {@code withGroups}. */
    public UserPage users(String connectionId, ResourceQuery filtered, boolean withGroups) {
        try (Connection connection = dataSource.getConnection()) {
            return users(connection, connectionId, containedFirst(connection, connectionId, filtered), withGroups);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read users: " + e.getMessage(), e);
        }
    }

    private UserPage users(Connection connection, String connectionId, ResourceQuery query, boolean withGroups)
            throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JdbcStatement select = new JdbcStatement().append("with ");
        page(select, "scim_user", connectionId, query);
        // Whether each user is in a group, not the groups themselves: reading memberships in the same statement
        // made PostgreSQL set up the recursive query and its aggregate on every lookup (a third of its CPU
        // for a lookup, perf), whether or not anyone on the page was in a group.
        select.append(" select ").append(USER_COLUMNS).append(", ").append(withGroups
                ? "exists (select 1 from scim_group_member m where m.member_id = r.id)" : "false").append("""
                ,
                       a.user_id is not null, a.vendor_id, a.pending_steps, a.status, a.last_error, a.updated,
                       exists (select 1 from provisioning_job j where j.connection_id = r.connection_id
                               and j.user_id = r.id
                               and (j.state = 'running' or (j.state = 'pending' and j.next_attempt_at <=\s""")
                .value(now).append("""
                ))),
                       not exists (select 1 from provisioning_job j where j.connection_id = r.connection_id
                                   and j.user_id = r.id and j.state = 'pending' and j.next_attempt_at <=\s""")
                .value(now).append("""
                 and j.updated > a.updated)
                from page r left join vendor_account a on a.connection_id = r.connection_id and a.user_id = r.id
                order by\s""").append(order(query));
        List<StoredUser> users = new ArrayList<>();
        List<UUID> grouped = new ArrayList<>();
        Map<UUID, VendorAccount> statuses = new HashMap<>();
        if (query.limit() > 0) {
            try (PreparedStatement statement = select.prepare(connection);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StoredUser user = user(rows);
                    users.add(user);
                    if (rows.getBoolean(11)) {
                        grouped.add(user.id());
                    }
                    if (rows.getBoolean(12)) {
                        statuses.put(user.id(), VendorAccounts.withQueue(new VendorAccount(rows.getString(13), null,
                                rows.getString(15), rows.getString(16), rows.getInt(14), instant(rows, 17)),
                                rows.getBoolean(18), rows.getBoolean(19)));
                    }
                }
            }
        }
        Map<UUID, List<GroupMembership>> groups = grouped.isEmpty() ? new LinkedHashMap<>()
                : memberships(connection, grouped);
        long total = total(connection, "scim_user", connectionId, query, users.size());
        return new UserPage(new QueryResult<>(users, total), new UserDetails.Details(groups, statuses));
    }

    /**
     * A query with an array containment (the emails index) as a query by the ids it finds, found first by a
     * statement of their own: as one statement, how selective PostgreSQL guessed the containment to be decided
     * between its cached plan and a new one, and it planned the whole page anew on every emails lookup. Past
     * {@link #CONTAINED_IDS} matches the query stays as it is.
     */
    private static ResourceQuery containedFirst(Connection connection, String connectionId, ResourceQuery query)
            throws SQLException {
        if (!query.arrayContainment()) {
            return query;
        }
        JdbcStatement matching = new JdbcStatement().append("select r.id");
        matching(matching, "scim_user", connectionId, query);
        matching.append(" limit " + (CONTAINED_IDS + 1));
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = matching.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        if (ids.size() > CONTAINED_IDS) {
            return query;
        }
        // One id (the usual lookup) as an equality: the cached plan then expects one row, as a plan made with
        // the values would, and PostgreSQL keeps it.
        return switch (ids.size()) {
            case 0 -> new ResourceQuery("false", List.of(), query.orderBy(), query.offset(), query.limit());
            case 1 -> new ResourceQuery("r.id = :p0", List.of(ids.get(0)), query.orderBy(), query.offset(),
                    query.limit());
            default -> new ResourceQuery("r.id = any(:p0)", List.of(connection.createArrayOf("uuid", ids.toArray())),
                    query.orderBy(), query.offset(), query.limit());
        };
    }

    /** The groups the query selects, with their members in the order they were added when {@code withMembers}. */
    public GroupPage groups(String connectionId, ResourceQuery query, boolean withMembers) {
        JdbcStatement select = new JdbcStatement().append("with ");
        page(select, "scim_group", connectionId, query);
        select.append(" select ").append(GROUP_COLUMNS).append(", case when ").append(literal(withMembers)).append("""
                 then (select cast(json_agg(json_build_array(m.member_id, m.member_type,
                                                           coalesce(u.display_name, u.user_name, g.display_name))
                                            order by m.added, m.member_id) as text)
                       from scim_group_member m
                       left join scim_user u on u.id = m.member_id
                       left join scim_group g on g.id = m.member_id
                       where m.group_id = r.id) end
                from page r order by\s""").append(order(query));
        List<StoredGroup> groups = new ArrayList<>();
        Map<UUID, List<Member>> members = withMembers ? new LinkedHashMap<>() : null;
        try (Connection connection = dataSource.getConnection()) {
            if (query.limit() > 0) {
                try (PreparedStatement statement = select.prepare(connection);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        StoredGroup group = new StoredGroup(rows.getObject(1, UUID.class),
                                new GroupData(rows.getString(2), rows.getString(3), json.read(rows.getString(4))),
                                rows.getLong(5), instant(rows, 6), instant(rows, 7));
                        groups.add(group);
                        if (withMembers) {
                            members.put(group.id(), members(rows.getString(8)));
                        }
                    }
                }
            }
            long total = total(connection, "scim_group", connectionId, query, groups.size());
            return new GroupPage(new QueryResult<>(groups, total), members);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read groups: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code page} CTE. An array containment (the emails index) is first found on its own: a generic plan
     * cannot tell how selective it is and would walk the page order's index through every resource of the
     * connection, while planning the whole statement with its values on every request costs more than the lookup.
     */
    private static void page(JdbcStatement select, String table, String connectionId, ResourceQuery query) {
        if (query.arrayContainment()) {
            select.append("matching as materialized (select r.*");
            matching(select, table, connectionId, query);
            select.append("), page as (select r.* from matching r");
        } else {
            select.append("page as (select r.*");
            matching(select, table, connectionId, query);
        }
        select.append(" order by ").append(order(query))
                .append(" offset " + query.offset() + " limit " + query.limit() + ")");
    }

    /** {@code from} the table {@code where} the connection's resources meet the query's condition. */
    private static void matching(JdbcStatement select, String table, String connectionId, ResourceQuery query) {
        select.append(" from " + table + " r where r.connection_id = ").value(connectionId).append(" and (")
                .condition(query.condition(), query.parameters()).append(")");
    }

    /**
     * A flag written into the statement rather than bound: as a parameter, PostgreSQL's generic plan costs the
     * membership query whether it runs or not, finds itself dearer than a plan made with the values, and plans
     * every lookup anew (about 0.3 ms of the database's CPU per request).
     */
    private static String literal(boolean flag) {
        return flag ? "true" : "false";
    }

    private static String order(ResourceQuery query) {
        return query.orderBy() == null ? "r.created, r.id" : query.orderBy() + ", r.created, r.id";
    }

    /** A page that is not full tells the total by itself (an IdP's lookup by userName finds 0 or 1). */
    private static long total(Connection connection, String table, String connectionId, ResourceQuery query, int found)
            throws SQLException {
        if (query.limit() > 0 && found < query.limit() && (query.offset() == 0 || found > 0)) {
            return query.offset() + found;
        }
        JdbcStatement count = new JdbcStatement().append("select count(*)");
        matching(count, table, connectionId, query);
        try (PreparedStatement statement = count.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private StoredUser user(ResultSet rows) throws SQLException {
        String[] emailKeys = (String[]) rows.getArray(6).getArray();
        return new StoredUser(rows.getObject(1, UUID.class),
                new UserData(rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5),
                        List.of(emailKeys), json.read(rows.getString(7))),
                rows.getLong(8), instant(rows, 9), instant(rows, 10));
    }

    /** The groups of these users, read after them: a membership changed in between shows as it is now. */
    private static Map<UUID, List<GroupMembership>> memberships(Connection connection, List<UUID> userIds)
            throws SQLException {
        Map<UUID, List<GroupMembership>> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(GroupMembership.nestedOf("?"))) {
            statement.setArray(1, connection.createArrayOf("uuid", userIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new GroupMembership(rows.getObject(2, UUID.class), rows.getString(3),
                                    rows.getInt(4) == 1));
                }
            }
        }
        return groups;
    }

    private List<Member> members(String array) {
        List<Member> members = new ArrayList<>();
        if (array == null) {
            return members;
        }
        for (JsonNode row : tree(array)) {
            members.add(new Member(UUID.fromString(row.get(0).asText()), Member.MemberType.valueOf(row.get(1).asText()),
                    row.get(2).isNull() ? null : row.get(2).asText()));
        }
        return members;
    }

    private JsonNode tree(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON from PostgreSQL", e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
