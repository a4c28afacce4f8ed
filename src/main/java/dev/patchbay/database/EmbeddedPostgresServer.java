package dev.patchbay.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The one embedded PostgreSQL of this process. Configuration sources are built several times per
 * start (and once per application start in tests), so the running server is held process-wide and
 * shared until the application shuts down.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final Object LOCK = new Object();
    private static EmbeddedPostgresServer running;
    private static boolean stoppedByApplication;
    private static boolean hookRegistered;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private final long pid;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral, long pid) {
        this.pid = pid;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    /** Starts the server unless it runs already; {@code ephemeral} uses a fresh temporary directory. */
    public static EmbeddedPostgresServer startOrGet(Path configuredDataDir, boolean ephemeral) {
        synchronized (LOCK) {
            if (running == null) {
                running = start(configuredDataDir, ephemeral);
                stoppedByApplication = false;
                if (!hookRegistered) {
                    Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopUnlessApplicationWill,
                            "patchbay-embedded-postgres-stop"));
                    hookRegistered = true;
                }
            }
            return running;
        }
    }

    /** From here on the application stops the server on shutdown, after its own work has finished. */
    public static void stopWithApplication() {
        synchronized (LOCK) {
            stoppedByApplication = running != null;
        }
    }

    /** The JVM hook covers a start that failed before the application could take over. */
    private static void stopUnlessApplicationWill() {
        synchronized (LOCK) {
            if (stoppedByApplication) {
                return;
            }
        }
        stopRunning();
    }

    public static void stopRunning() {
        synchronized (LOCK) {
            if (running != null) {
                running.stop();
                running = null;
            }
        }
    }

    /**
     * The server this process started has died (killed, crashed): start it again on the same port and
     * data directory, so that the datasource's URL stays right. True when a server runs afterwards.
     */
    public static boolean restartIfDead() {
        synchronized (LOCK) {
            if (running == null || running.alive()) {
                return running != null;
            }
            LOG.warnf("The embedded PostgreSQL (pid %d) is gone; starting it again on port %d", running.pid,
                    running.port());
            running.releaseDead();
            running = start(running.dataDirectory, running.ephemeral, running.port());
            return true;
        }
    }

    /** Whether the server this process started still runs (false when none was started). */
    public static boolean isAlive() {
        synchronized (LOCK) {
            return running != null && running.alive();
        }
    }

    private boolean alive() {
        return pid <= 0 || ProcessLiveness.isRunning(pid);
    }

    public static boolean isRunning() {
        synchronized (LOCK) {
            return running != null;
        }
    }

    /** The data directory of the running server. */
    public static Path dataDirectory() {
        synchronized (LOCK) {
            return running == null ? null : running.dataDirectory;
        }
    }

    static EmbeddedPostgresServer start(Path configuredDataDir, boolean ephemeral) {
        try {
            Path dataDirectory = ephemeral
                    ? Files.createTempDirectory("patchbay-pg-")
                    : configuredDataDir.toAbsolutePath().normalize().resolve("postgres");
            return start(dataDirectory, ephemeral, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Starts on {@code port}, or on a free one when it is 0. */
    private static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral, int port) {
        try {
            Files.createDirectories(dataDirectory);
            if (!ephemeral) {
                DataDirectoryOwner.claim(dataDirectory);
            }
            StalePostmaster.stopIfRunning(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // zonky turns durability off for tests; data kept across restarts needs it on.
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .start();
            LOG.infof("Embedded PostgreSQL 17 listening on 127.0.0.1:%d, data in %s%s", postgres.getPort(),
                    dataDirectory, ephemeral ? " (temporary)" : "");
            return new EmbeddedPostgresServer(postgres, dataDirectory, ephemeral, StalePostmaster.pid(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Lets go of a dead server's data directory (zonky's lock on it) and keeps the data. */
    private void releaseDead() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Closing the dead embedded PostgreSQL: %s", e.getMessage());
        }
    }

    void stop() {
        try {
            postgres.close();
            LOG.infof("Embedded PostgreSQL stopped (data in %s)", dataDirectory);
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        if (ephemeral) {
            deleteRecursively(dataDirectory);
        } else {
            DataDirectoryOwner.release(dataDirectory);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not remove temporary database directory %s: %s", directory, e.getMessage());
        }
    }
}
