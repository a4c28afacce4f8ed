package dev.patchbay.connector.five9;

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
 * Reconciliation of a Five9 connection against the Five9 simulator over SOAP: skills and agent groups an
 * administrator changed behind Patchbay's back (in the console: the simulator's {@code _control}) are
 * drift, put back only when the policy says {@code correct}, never by a preview.
 */
@QuarkusTest
class Five9ReconciliationTest {

    private static final String POLICY = """
            {"groupRules":[{"group":"Five9 Agents","precedence":10,"license":"Core","roles":["Agent"],
              "skills":{"Support":3,"Billing":5},"agentGroups":["Tier 1"]}]%s}""";
    private static final String ADA = "users.find { it.userName == 'agent@example.com' }";

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
        Five9Sandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("recon-five9");
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox",
                "settings", Five9Sandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY.formatted(""));
        reconciling = new Reconciling(reconciler, entityManager, e2e, connection);
    }

    private static List<String> tier1() {
        return Five9Sandbox.state().getList("agentGroups.find { it.name == 'Tier 1' }.members");
    }

    @Test
    void skillsAndAgentGroupsChangedBehindPatchbaysBackAreDriftPutBackOnlyWhenThePolicySaysCorrect() {
        String id = e2e.oktaCreate("agent@example.com", "Ada", "Lovelace", "{}");
        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Five9 Agents\",\"members\":[{\"value\":\"" + id + "\"}]}").statusCode(201);
        e2e.drain();
        String ada = e2e.vendorId(id);
        Five9Sandbox.CONTROL.put("users/" + ada + "/skills", "{\"Support\":3}").then().statusCode(200);
        Five9Sandbox.CONTROL.put("users/" + ada + "/agent-groups", "[]").then().statusCode(200);
        assertEquals(Map.of("Support", 3), Five9Sandbox.state().getMap(ADA + ".skills"));
        assertEquals(List.of(), tier1());

        JsonPath report = reconciling.reconcile(false);
        assertEquals("done", report.getString("run.state"));
        assertEquals(1, report.getInt("run.counts.drift"));
        assertEquals(List.of(Map.of("field", "skills", "applied", Map.of("Billing", 5, "Support", 3),
                        "vendor", Map.of("Support", 3)),
                Map.of("field", "agentGroups", "applied", List.of("Tier 1"), "vendor", List.of())),
                report.getList("items.find { it.situation == 'drift' }.drift"), "all agent groups gone is drift too");
        assertEquals("report", report.getString("items.find { it.situation == 'drift' }.action"));
        assertEquals(Map.of("Support", 3), Five9Sandbox.state().getMap(ADA + ".skills"), "reported only");

        e2e.policy(POLICY.formatted(",\"reconciliation\":{\"actions\":{\"drift\":\"correct\"}}"));
        JsonPath preview = reconciling.reconcile(true);
        assertEquals(false, preview.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        assertEquals(List.of(), tier1(), "a preview changes nothing");

        JsonPath corrected = reconciling.reconcile(false);
        assertEquals(true, corrected.getBoolean("items.find { it.situation == 'drift' }.actionTaken"));
        e2e.settle();
        assertEquals(Map.of("Support", 3, "Billing", 5), Five9Sandbox.state().getMap(ADA + ".skills"));
        assertEquals(List.of("agent@example.com"), tier1());
        assertEquals(0, reconciling.reconcile(true).getInt("run.counts.drift"));
    }

    @Test
    void aConsoleChangeTheSimulatorCannotHoldIsRefusedAndChangesNothing() {
        String id = e2e.oktaCreate("agent@example.com", "Ada", "Lovelace", "{}");
        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Five9 Agents\",\"members\":[{\"value\":\"" + id + "\"}]}").statusCode(201);
        e2e.drain();
        String users = "users/" + e2e.vendorId(id);
        Five9Sandbox.CONTROL.put(users + "/skills", "[\"Support\"]").then().statusCode(400);
        Five9Sandbox.CONTROL.put(users + "/skills", "{\"Support\":\"high\"}").then().statusCode(400);
        Five9Sandbox.CONTROL.put(users + "/skills", "{\"Juggling\":3}").then().statusCode(400);
        Five9Sandbox.CONTROL.put(users + "/skills", "{\"Support\":11}").then().statusCode(400);
        Five9Sandbox.CONTROL.put("users/nobody@example.com/skills", "{\"Support\":3}").then().statusCode(404);
        Five9Sandbox.CONTROL.put(users + "/agent-groups", "{}").then().statusCode(400);
        Five9Sandbox.CONTROL.put(users + "/agent-groups", "[\"No Such Group\"]").then().statusCode(400);
        Five9Sandbox.CONTROL.put("users/nobody@example.com/agent-groups", "[]").then().statusCode(404);
        assertEquals(Map.of("Support", 3, "Billing", 5), Five9Sandbox.state().getMap(ADA + ".skills"));
        assertEquals(List.of("agent@example.com"), tier1());
    }
}
