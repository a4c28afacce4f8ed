package dev.patchbay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by processes of this machine, read from /proc in clock ticks: a benchmark's way to
 * say where each request's time went (the gateway, its database, the load generator) rather than only how
 * many requests there were.
 */
public final class ProcessCpu {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second on every architecture it runs on. */
    private static final double TICK_MILLIS = 10.0;

    private ProcessCpu() {
    }

    /** Milliseconds of CPU the process itself used (all its threads, not its children). */
    public static double ownMillis(long pid) {
        long[] fields = stat(pid);
        return fields == null ? 0 : (fields[13] + fields[14]) * TICK_MILLIS;
    }

    /**
     * Milliseconds of CPU a process and all its children used: the children still running and those it has
     * already reaped (PostgreSQL's postmaster and its backends).
     */
    public static double treeMillis(long pid) {
        long[] root = stat(pid);
        if (root == null) {
            return 0;
        }
        double millis = (root[13] + root[14] + root[15] + root[16]) * TICK_MILLIS;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return millis + processes.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.chars().allMatch(Character::isDigit)).map(Long::parseLong)
                    .filter(child -> child != pid).mapToDouble(child -> {
                        long[] fields = stat(child);
                        return fields != null && fields[3] == pid ? treeMillis(child) : 0;
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The numeric fields of /proc/PID/stat up to cstime, by their 0-based position in proc(5) (3 = ppid,
     * 13 = utime, 14 = stime, 15 = cutime, 16 = cstime), or null when the process is gone.
     */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // The command name (field 1) is in parentheses and may hold spaces: the fields after it are plain.
        String[] rest = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        long[] fields = new long[17];
        for (int i = 1; i + 2 < fields.length; i++) {
            fields[i + 2] = Long.parseLong(rest[i]);
        }
        return fields;
    }
}
