package dev.patchbay.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway process that holds an embedded data directory, in {@code <directory>.owner} next to it as
 * "pid start-millis". A second gateway on the same directory must not take the first one's running
 * PostgreSQL for an orphan ({@link StalePostmaster}) and stop it: it refuses to start instead. The start
 * time tells a live owner from a later process that was given the same pid.
 */
final class DataDirectoryOwner {

    private DataDirectoryOwner() {
    }

    /** Records this process as the owner, unless another live gateway is. */
    static void claim(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> owner = liveOwner(dataDirectory);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("Patchbay refuses to start: another gateway (pid " + owner.get().pid()
                    + owner.get().info().startInstant().map(start -> ", started " + start).orElse("")
                    + ") runs on the embedded database in " + dataDirectory + ". Stop it first, or give this one "
                    + "its own patchbay.data-dir or an external database (quarkus.datasource.jdbc.url).");
        }
        Files.writeString(file(dataDirectory), describe(ProcessHandle.current()), StandardCharsets.US_ASCII);
    }

    /** Gives the directory up, if this process holds it. */
    static void release(Path dataDirectory) {
        try {
            Path file = file(dataDirectory);
            if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).trim()
                    .equals(describe(ProcessHandle.current()))) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // a stale owner file is harmless: its process is not alive
        }
    }

    static Optional<ProcessHandle> liveOwner(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            long pid = Long.parseLong(parts[0]);
            long startMillis = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
            return ProcessHandle.of(pid)
                    .filter(process -> ProcessLiveness.isRunning(process.pid()))
                    .filter(process -> startMillis < 0 || startMillis(process) < 0 || startMillis(process) == startMillis);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path file(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + startMillis(process);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }
}
