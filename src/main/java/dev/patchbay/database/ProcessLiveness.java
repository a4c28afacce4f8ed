package dev.patchbay.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. A stopped PostgreSQL stays a zombie until its parent (often init)
 * reaps it, and {@link ProcessHandle#isAlive()} counts zombies as alive; on Linux /proc tells them apart.
 */
public final class ProcessLiveness {

    private ProcessLiveness() {
    }

    public static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        try {
            String content = Files.readString(stat);
            // Format: "pid (command) state ...": the state follows the last ')'.
            char state = content.substring(content.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
