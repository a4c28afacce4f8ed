package dev.patchbay.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconciliation of a connection to the 8x8 simulator (in a second gateway process, so that it outlives
 * the first) is killed half-way with the gateway; the restarted gateway takes the run over once its lease
 * is gone and finishes it from its cursor: every account read once, none lost.
 */
class ReconciliationRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACCOUNTS = 60;
    private static final String AUTHORIZATION = "Bearer " + Wave.ADMIN_TOKEN;
    private static final String CONNECTION = "recon-restart";

    @TempDir
    Path dataDir;

    @Test
    void aRunBrokenOffByAKillFinishesAfterTheRestart(@TempDir Path vendorData) throws Exception {
        try (GatewayProcess vendor = GatewayProcess.start(Map.of("patchbay.data-dir", vendorData.toString(),
                "patchbay.worker.enabled", "false", "patchbay.reconcile.enabled", "false",
                "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN))) {
            for (int i = 0; i < ACCOUNTS; i++) {
                expect(201, Wave.send(vendor, "POST", "/sandbox/8x8/_control/users", null, """
                        {"basicInfo":{"userName":"seat%d@example.com","firstName":"Seat","lastName":"Holder",
                         "primaryEmail":"seat%d@example.com","status":"ACTIVE","site":{"name":"London"}},
                         "serviceInfo":{"licenses":[],"extensions":[]}}""".formatted(i, i)));
            }
            // Each Admin API page takes 1.5 s, so that the kill strikes in the middle of the run.
            expect(200, Wave.send(vendor, "POST", "/sandbox/8x8/_control/faults", null,
                    "{\"type\":\"latency\",\"millis\":1500,\"api\":\"admin\",\"count\":1000}"));

            GatewayProcess gateway = gateway();
            String sandbox = vendor.baseUrl() + "/sandbox/8x8";
            expect(201, Wave.send(gateway, "POST", "/admin/v1/connections", AUTHORIZATION, """
                    {"id":"%s","vendor":"eightbyeight","displayName":"Restart","settings":{
                     "scimBaseUrl":"%s/udi/customers/0012J00042NkZQIQA3/scim/v2","scimToken":"sandbox-8x8-scim-token",
                     "adminBaseUrl":"%s/admin-provisioning","apiKey":"eght_sandbox_api_key"}}"""
                    .formatted(CONNECTION, sandbox, sandbox)));
            String run = JSON.readTree(expect(202, Wave.send(gateway, "POST",
                    "/admin/v1/connections/" + CONNECTION + "/reconciliations", AUTHORIZATION, "{}")).body())
                    .path("id").asText();

            JsonNode midway = awaitRun(gateway, run, progress -> progress.path("accountsRead").asInt() >= 10, 90);
            assertEquals("running", midway.path("state").asText(), midway.toString());
            assertTrue(midway.path("accountsRead").asInt() < ACCOUNTS, midway.toString());
            gateway.kill();

            try (GatewayProcess restarted = gateway()) {
                JsonNode done = awaitRun(restarted, run, progress -> !"running".equals(progress.path("state").asText()),
                        180);
                assertEquals("done", done.path("state").asText(), done.toString());
                assertEquals(ACCOUNTS, done.path("accountsRead").asInt(), done.toString());
                assertEquals(ACCOUNTS, done.path("counts").path("orphan").asInt(), done.toString());
                assertTrue(done.path("pages").asInt() >= ACCOUNTS / 10, done.toString());
                JsonNode findings = JSON.readTree(expect(200, Wave.send(restarted, "GET", "/admin/v1/connections/"
                        + CONNECTION + "/reconciliations/" + run + "?size=1000", AUTHORIZATION, null)).body());
                assertEquals(ACCOUNTS, findings.path("items").size(), "each account found once");
                JsonNode runs = JSON.readTree(expect(200, Wave.send(restarted, "GET", "/admin/v1/connections/"
                        + CONNECTION + "/reconciliations", AUTHORIZATION, null)).body());
                assertEquals(1, runs.path("items").size(), "the same run went on, no new one started");
            }
        }
    }

    /** Pages of 10, a short lease (the killed gateway's lease must run out before the run goes on). */
    private GatewayProcess gateway() throws Exception {
        return GatewayProcess.start(Map.of("patchbay.data-dir", dataDir.toString(),
                "patchbay.admin.bootstrap-token", Wave.ADMIN_TOKEN, "patchbay.reconcile.page-size", "10",
                "patchbay.reconcile.poll-interval", "200ms", "patchbay.reconcile.lease", "5s"));
    }

    private static JsonNode awaitRun(GatewayProcess gateway, String run, java.util.function.Predicate<JsonNode> until,
            int seconds) throws Exception {
        JsonNode progress = null;
        for (int i = 0; i < seconds * 5; i++) {
            progress = JSON.readTree(expect(200, Wave.send(gateway, "GET", "/admin/v1/connections/" + CONNECTION
                    + "/reconciliations/" + run + "?size=1", AUTHORIZATION, null)).body()).path("run");
            if (until.test(progress)) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not get there in " + seconds + " s: " + progress);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
