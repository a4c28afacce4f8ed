package dev.patchbay.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.database.ProcessLiveness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wave of users through a gateway that is killed, stopped or loses its database half-way. The Genesys
 * simulator runs in a second gateway process (worker off), so it outlives the first one. Nothing the
 * IdP was told is lost, no account is created twice, and nothing waits longer than the lease of the job
 * that was in flight.
 */
class QueueUnderFailuresIT {

    static final int USERS = 40;
    /** The lease of a job in flight, plus generous room for draining the rest of the wave on a busy machine. */
    static final Duration NO_STALL = Duration.ofSeconds(30 + 90);

    static GatewayProcess vendor;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startTheVendor(@TempDir Path vendorData) throws Exception {
        vendor = GatewayProcess.start(Map.of("patchbay.data-dir", vendorData.toString(),
                "patchbay.worker.enabled", "false", "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN));
        // A wave of a few seconds per ten users, so that each failure strikes in the middle of one.
        Wave.slowVendor(vendor, 150, 100_000);
    }

    @AfterAll
    static void stopTheVendor() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }

    private GatewayProcess gateway() throws Exception {
        return GatewayProcess.start(Map.of("patchbay.data-dir", dataDir.toString(),
                "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN, "patchbay.worker.poll-interval", "200ms"));
    }

    @Test
    void afterAKillTheRestartedGatewayFinishesTheWaveWithoutDuplicates() throws Exception {
        GatewayProcess gateway = gateway();
        Wave wave = Wave.to(gateway, vendor, "killed");
        wave.push(USERS);
        awaitSome(wave);
        gateway.kill();

        try (GatewayProcess restarted = gateway()) {
            wave.runsOn(restarted);
            Duration drained = wave.awaitFinal(USERS, NO_STALL);
            assertEquals(USERS, wave.provisionedUsers(), "every user provisioned, in " + drained);
            assertEquals(USERS, Wave.vendorAccounts(vendor, "killed"), "one account per user at the vendor");
        }
    }

    @Test
    void aGracefulStopFinishesTheJobInFlightBeforeTheDatabaseStops() throws Exception {
        GatewayProcess gateway = gateway();
        Wave wave = Wave.to(gateway, vendor, "stopped");
        wave.push(USERS);
        awaitSome(wave);
        long postgres = postmasterPid();
        int exitCode = gateway.stop();
        assertTrue(exitCode == 0 || exitCode == 143, "exit code " + exitCode);
        assertFalse(gateway.output().contains("ArC container not initialized"), gateway.output());
        assertFalse(gateway.output().contains("still running; they run again"), "the job in flight finished");
        assertFalse(ProcessLiveness.isRunning(postgres));

        try (GatewayProcess restarted = gateway()) {
            wave.runsOn(restarted);
            Duration drained = wave.awaitFinal(USERS, NO_STALL);
            assertEquals(USERS, wave.provisionedUsers(), "every user provisioned, in " + drained);
            assertEquals(USERS, Wave.vendorAccounts(vendor, "stopped"));
        }
    }

    @Test
    void theGatewayRestartsItsKilledDatabaseAndFinishesTheWave() throws Exception {
        try (GatewayProcess gateway = gateway()) {
            Wave wave = Wave.to(gateway, vendor, "dbkill");
            wave.push(USERS);
            awaitSome(wave);
            long postgres = postmasterPid();
            ProcessHandle.of(postgres).orElseThrow().destroyForcibly();

            // A job the outage broke off shows failed until its retry (a minute later) gets it through.
            Duration drained = wave.awaitProvisioned(USERS, NO_STALL);
            assertEquals(USERS, wave.provisionedUsers(), "every user provisioned, in " + drained);
            assertEquals(USERS, Wave.vendorAccounts(vendor, "dbkill"));
            assertTrue(postmasterPid() != postgres, "a new PostgreSQL");
            assertEquals(200, Wave.send(gateway, "GET", "/q/health/live", null, null).statusCode());
            assertTrue(gateway.output().contains("runs again"), gateway.output());
        }
    }

    /** Part of the wave is through: the failure comes in the middle of it. */
    private static void awaitSome(Wave wave) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (wave.finalUsers() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(wave.finalUsers() < USERS, "the failure must come while the wave is still running");
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }
}
