package dev.patchbay.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.Session;

/** Seeds benchmark connections with SQL, which is much faster than the API at 100,000 users. */
public final class BenchSeed {

    private static final String USERS = """
            insert into scim_user (id, connection_id, user_name, external_id, display_name, active, resource,
                                   email_keys, version, created, last_modified)
            select gen_random_uuid(), ?, 'user' || i || '@bench.example', 'ext-' || i, 'User ' || i, true,
                   jsonb_build_object('userName', 'user' || i || '@bench.example', 'externalId', 'ext-' || i,
                       'displayName', 'User ' || i, 'active', true,
                       'emails', jsonb_build_array(jsonb_build_object('type', 'work', 'primary', true,
                           'value', 'user' || i || '@bench.example'))),
                   array['*:user' || i || '@bench.example', 'work:user' || i || '@bench.example'],
                   0, now(), now()
            from generate_series(0, ? - 1) as i""";
    private static final String GROUPS = """
            insert into scim_group (id, connection_id, display_name, external_id, resource, version, created,
                                    last_modified)
            select gen_random_uuid(), ?, 'Group ' || i, 'gext-' || i,
                   jsonb_build_object('displayName', 'Group ' || i), 0, now(), now()
            from generate_series(0, ? - 1) as i""";

    private BenchSeed() {
    }

    /**
     * {@code users} users ("user{i}@bench.example", externalId "ext-{i}", a work email) and a tenth as many
     * groups ("Group {i}"), written straight into the tables the gateway reads.
     */
    static void usersAndGroups(EntityManager entityManager, String connection, int users) {
        // 100,000 users with every index of the table take longer than a request's default transaction.
        QuarkusTransaction.requiringNew().timeout(600).run(() -> entityManager.unwrap(Session.class)
                .doWork(jdbc -> usersAndGroups(jdbc, connection, users)));
    }

    /** The same over a JDBC connection of the gateway's database (a gateway in another process). */
    public static void usersAndGroups(Connection jdbc, String connection, int users) throws SQLException {
        insert(jdbc, USERS, connection, users);
        insert(jdbc, GROUPS, connection, Math.max(1, users / 10));
        try (Statement analyze = jdbc.createStatement()) {
            analyze.execute("analyze scim_user");
            analyze.execute("analyze scim_group");
        }
    }

    private static void insert(Connection jdbc, String sql, String connection, int rows) throws SQLException {
        try (PreparedStatement insert = jdbc.prepareStatement(sql)) {
            insert.setString(1, connection);
            insert.setInt(2, rows);
            insert.executeUpdate();
        }
    }
}
