package dev.patchbay.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server on its own, without the application (which holds its own instance). */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false);
        try {
            execute(first, "create table kept (v text); insert into kept values ('still here')");
        } finally {
            first.stop();
        }
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "a clean stop removes the pid file");

        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, false);
        try {
            assertEquals("still here", queryOne(second, "select v from kept"));
            assertEquals("on", queryOne(second, "show fsync"), "kept data is written durably");
        } finally {
            second.stop();
        }
    }

    @Test
    void ephemeralDataIsFreshAndRemovedOnStop() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
        Path directory;
        try {
            execute(server, "create table scratch (v int)");
            directory = Path.of(queryOne(server, "show data_directory"));
            assertFalse(directory.startsWith(dataDir), "ephemeral servers do not touch the configured directory");
        } finally {
            server.stop();
        }
        assertFalse(Files.exists(directory));
    }

    @Test
    void aPostgresLeftRunningByAKilledGatewayIsStoppedBeforeTheNextStart() throws Exception {
        Path directory = dataDir.resolve("postgres");
        Files.createDirectories(directory);
        Process gateway = childJvm(OrphanedPostgres.class, directory);
        gateway.destroyForcibly().waitFor();
        long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessLiveness.isRunning(orphanPid),
                "PostgreSQL outlives a killed gateway");

        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false);
        try {
            assertFalse(ProcessLiveness.isRunning(orphanPid));
            assertEquals("kept", queryOne(server, "select v from survivor"));
        } finally {
            server.stop();
        }
    }

    @Test
    void aSecondGatewayOnTheSameDataDirectoryRefusesToStartAndLeavesTheFirstRunning() throws Exception {
        Process first = childJvm(RunningGateway.class, dataDir);
        long postmasterPid = StalePostmaster.pid(dataDir.resolve("postgres"));
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedPostgresServer.start(dataDir, false));
            assertTrue(refused.getMessage().startsWith("Patchbay refuses to start: another gateway (pid "
                    + first.pid() + ", started "), refused.getMessage());
            assertTrue(refused.getMessage().contains(dataDir.resolve("postgres") + ". Stop it first"),
                    refused.getMessage());
            assertTrue(first.isAlive());
            assertTrue(ProcessLiveness.isRunning(postmasterPid), "the first gateway's PostgreSQL still runs");
            assertEquals(postmasterPid, StalePostmaster.pid(dataDir.resolve("postgres")));

            first.destroyForcibly().waitFor();
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false);
            try {
                assertFalse(ProcessLiveness.isRunning(postmasterPid), "once its gateway is dead it is an orphan");
                assertEquals("1", queryOne(server, "select 1"));
            } finally {
                server.stop();
            }
        } finally {
            first.destroyForcibly().waitFor();
            ProcessHandle.of(postmasterPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A JVM running {@code main} of {@code program} on this directory, once it has said READY. */
    private static Process childJvm(Class<?> program, Path directory) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), program.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // skip the server's start-up output
            }
        }
        return child;
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
    }
}
