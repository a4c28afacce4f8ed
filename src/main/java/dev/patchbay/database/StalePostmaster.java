package dev.patchbay.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A gateway killed without a chance to shut down (kill -9, power loss) leaves its PostgreSQL running
 * and holding the data directory. Before the next start we stop that orphan so the data stays usable.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    /** The postmaster's pid from its pid file, or 0 when there is none. */
    static long pid(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        long pid = pid(dataDirectory);
        if (pid == 0) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(handle -> ProcessLiveness.isRunning(handle.pid()))
                .filter(StalePostmaster::isPostgres);
        if (process.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping PostgreSQL (pid %d) left running on %s by an earlier gateway", pid, dataDirectory);
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (ProcessLiveness.isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                postmaster.destroyForcibly();
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
