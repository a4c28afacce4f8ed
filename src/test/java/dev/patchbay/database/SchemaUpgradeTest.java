package dev.patchbay.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * A database made by the previous release, with data in it, migrates to this release's schema: Flyway's
 * validation accepts it (a new migration numbered below one already applied would be refused at start-up),
 * and the data is all still there. New migrations are numbered above {@link #PREVIOUS_RELEASE}; raise it
 * to the newest version of each release once it has shipped.
 */
class SchemaUpgradeTest {

    /** The newest migration of the previous release, and every migration it had. */
    static final String PREVIOUS_RELEASE = "122";
    static final Set<String> PREVIOUS_RELEASE_MIGRATIONS = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
            "11", "20", "40", "100", "101", "102", "103", "104", "105", "110", "115", "116", "117", "120", "121",
            "122");

    @Test
    void everyNewMigrationIsNumberedAboveThePreviousRelease() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (MigrationInfo migration : flyway(postgres.getPostgresDatabase()).load().info().all()) {
                String version = migration.getVersion().getVersion();
                assertTrue(PREVIOUS_RELEASE_MIGRATIONS.contains(version)
                        || migration.getVersion().compareTo(MigrationVersion.fromVersion(PREVIOUS_RELEASE)) > 0,
                        "V" + version + " is new but numbered below V" + PREVIOUS_RELEASE + ", which databases of the"
                                + " previous release have applied: Flyway would refuse to start on them");
            }
        }
    }

    @Test
    void aDatabaseOfThePreviousReleaseWithDataMigratesToThisOne() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            flyway(database).target(PREVIOUS_RELEASE).load().migrate();
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("""
                        insert into connection (id, vendor, display_name, settings, created_at, updated_at)
                        values ('upgrade-genesys', 'genesys', 'Before the upgrade', '{"region":"mypurecloud.ie"}',
                                now(), now())""");
                sql.execute("""
                        insert into scim_user (id, connection_id, user_name, active, resource, version, created,
                                               last_modified)
                        values ('7b0e6c1e-6a47-4f39-9a5e-1d2b3c4d5e6f', 'upgrade-genesys', 'ada@example.com', true,
                                '{"userName":"ada@example.com"}', 1, now(), now())""");
                sql.execute("""
                        insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at,
                                                      created, updated)
                        values ('upgrade-genesys', '7b0e6c1e-6a47-4f39-9a5e-1d2b3c4d5e6f', 'pending', 3, now(),
                                now(), now())""");
            }

            MigrateResult upgrade = flyway(database).load().migrate();
            assertTrue(upgrade.success);
            flyway(database).load().validate();

            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                ResultSet kept = sql.executeQuery("""
                        select c.display_name, c.settings ->> 'region', u.user_name, j.attempts, j.failing_since
                        from connection c join scim_user u on u.connection_id = c.id
                        join provisioning_job j on j.user_id = u.id where c.id = 'upgrade-genesys'""");
                assertTrue(kept.next(), "the connection, its user and its job are still there");
                assertEquals("Before the upgrade", kept.getString(1));
                assertEquals("mypurecloud.ie", kept.getString(2));
                assertEquals("ada@example.com", kept.getString(3));
                assertEquals(3, kept.getInt(4));
                assertEquals(null, kept.getObject(5), "a column the insert left unset is still empty");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration");
    }
}
