package dev.patchbay.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 150-user Genesys wave (vendor in a second process, 150 ms per API call) without a failure, and
 * with a kill -9, a SIGTERM and a killed database after a third of it: the time from the restart (or
 * the database kill) to all users final, next to the same span without a failure. Needs the packaged
 * gateway: {@code mvn -DskipTests package && mvn -Pbench test -Dtest=QueueRecoveryBenchmark}.
 */
class QueueRecoveryBenchmark {

    static final int USERS = 150;
    static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path temp;

    @Test
    void timeToAllUsersFinalAfterAFailure() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(GatewayProcess.packaged(),
                "QueueRecoveryBenchmark runs the packaged gateway: run 'mvn -DskipTests package' first");
        List<String> report = new ArrayList<>();
        try (GatewayProcess vendor = GatewayProcess.start(Map.of("patchbay.data-dir", temp.resolve("vendor").toString(),
                "patchbay.worker.enabled", "false", "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN))) {
            Wave.slowVendor(vendor, 150, 1_000_000);
            report.add(run(vendor, "none"));
            report.add(run(vendor, "kill"));
            report.add(run(vendor, "sigterm"));
            report.add(run(vendor, "dbkill"));
        }
        String text = String.join("\n", report);
        System.out.println("\n=== Queue recovery, " + USERS + "-user Genesys wave ===\n" + text + "\n");
        Files.writeString(Path.of("target", "queue-recovery-benchmark.txt"), text + "\n");
    }

    private String run(GatewayProcess vendor, String failure) throws Exception {
        Path data = temp.resolve(failure);
        Map<String, String> properties = Map.of("patchbay.data-dir", data.toString(),
                "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN);
        GatewayProcess gateway = GatewayProcess.start(properties);
        Wave wave = Wave.to(gateway, vendor, "bench-" + failure);
        long started = System.nanoTime();
        wave.push(USERS);
        while (wave.finalUsers() < USERS / 3) {
            Thread.sleep(100);
        }
        Duration beforeFailure = Duration.ofNanos(System.nanoTime() - started);
        int finalAtFailure = wave.finalUsers();
        long restartStarted = System.nanoTime();
        switch (failure) {
            case "kill" -> gateway.kill();
            case "sigterm" -> gateway.stop();
            case "dbkill" -> ProcessHandle.of(Long.parseLong(Files.readAllLines(
                    data.resolve("postgres/postmaster.pid")).get(0).trim())).orElseThrow().destroyForcibly();
            default -> { }
        }
        if (failure.equals("kill") || failure.equals("sigterm")) {
            gateway = GatewayProcess.start(properties);
            wave.runsOn(gateway);
        }
        Duration restart = Duration.ofNanos(System.nanoTime() - restartStarted);
        Duration toFinal = wave.awaitFinal(USERS, LIMIT);
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(USERS, Wave.vendorAccounts(vendor, "bench-" + failure), "one account per user");
        int provisioned = wave.provisionedUsers();
        gateway.close();
        return String.format("failure=%-8s users final at the failure=%3d (after %5.1f s)  restart=%5.1f s"
                        + "  restart->all final=%6.1f s  whole wave=%6.1f s  provisioned=%d/%d",
                failure, finalAtFailure, seconds(beforeFailure), seconds(restart), seconds(toFinal), seconds(total),
                provisioned, USERS);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
