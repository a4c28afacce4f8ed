package dev.patchbay.connector.vcc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.connector.Reconciling;
import dev.patchbay.job.JobWorker;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of a VCC connection against the VCC simulator: a skill level and the groups an admin
 * changed in the Admin Portal (the simulator's {@code _control}) are drift, put back only when the policy
 * says {@code correct}, never by a preview.
 */
@QuarkusTest
class VccReconciliationTest {

    private static final String POLICY = """
            {"groupRules":[{"group":"VCC Agents","precedence":10,"roles":["Agent"],"skills":{"Billing":5,"Technical":3},
              "agentGroups":["Tier 1"],"telephonyRegion":"UK"}]%s}""";
    private static final String MIA = VccSandbox.user("mia_example_com");

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    Reconciler reconciler;

    private String connection;
    private EndToEnd e2e;
    private Reconciling reconciling;

    @BeforeEach
    void connection() {
        VccSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("recon-vcc");
        admin().body(Map.of("id", connection, "vendor", "vcc", "displayName", "VCC sandbox",
                "settings", VccSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY.formatted(""));
        reconciling = new Reconciling(reconciler, entityManager, e2e, connection);
    }

    @Test
    void aSkillLevelAndGroupsChangedInTheAdminPortalAreDriftPutBackOnlyWhenThePolicySaysCorrect() {
        String id = e2e.oktaCreate("mia@example.com", "Mia", "Drift", "{}");
        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"VCC Agents\",\"members\":[{\"value\":\"" + id + "\"}]}").statusCode(201);
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        VccSandbox.CONTROL.put("users/" + vendorId + "/skills", "{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.BILLING
                + "\",\"agentSkillLevel\":2},{\"skillId\":\"" + VccSandbox.TECHNICAL + "\",\"agentSkillLevel\":3}]}")
                .then().statusCode(200);
        VccSandbox.CONTROL.put("users/" + vendorId + "/groups", "{\"agentGroups\":[]}").then().statusCode(200);

        JsonPath report = reconciling.reconcile(false);
        assertEquals("done", report.getString("run.state"));
        assertEquals(1, report.getInt("run.counts.drift"));
        assertEquals(vendorId, report.getString("items.find { it.situation == 'drift' }.vendorRef"));
        assertEquals(List.of(Map.of("field", "skills", "applied", Map.of("Billing", 5, "Technical", 3),
                        "vendor", Map.of("Billing", 2, "Technical", 3)),
                Map.of("field", "agentGroups", "applied", List.of("Tier 1"), "vendor", List.of())),
                report.getList("items.find { it.situation == 'drift' }.drift"));
        assertEquals(Map.of("Billing", 2, "Technical", 3), VccSandbox.state().getMap(MIA + ".skills"), "reported only");

        e2e.policy(POLICY.formatted(",\"reconciliation\":{\"actions\":{\"drift\":\"correct\"}}"));
        JsonPath preview = reconciling.reconcile(true);
        assertEquals("correct", preview.getString("items.find { it.situation == 'drift' }.action"));
        assertEquals(false, preview.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals(List.of(), VccSandbox.state().getList(MIA + ".groups"), "a preview changes nothing");

        JsonPath corrected = reconciling.reconcile(false);
        assertEquals(true, corrected.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        e2e.settle();
        assertEquals(Map.of("Billing", 5, "Technical", 3), VccSandbox.state().getMap(MIA + ".skills"));
        assertEquals(List.of("Tier 1"), VccSandbox.state().getList(MIA + ".groups"));
        assertEquals(0, reconciling.reconcile(true).getInt("run.counts.drift"));
    }
}
