package dev.patchbay.connector.vcc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.BatchesHeld;
import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VCC skill memberships of users due together go out as one {@code PUT /skills/{skillId}/users} per skill,
 * which replaces the skill's whole user list: the list is read and merged, so users Patchbay does not
 * manage keep the skill, and each user's outcome is its own. The batches wait an hour here, so the test
 * decides when they are due.
 */
@QuarkusTest
@TestProfile(BatchesHeld.class)
class VccBatchTest {

    private static final String POLICY = """
            {"groupRules":[
              {"group":"Agents","precedence":10,"roles":["Agent"],"skills":{"Billing":5,"Technical":3}},
              {"group":"Supervisors","precedence":20,"roles":["Supervisor"],"skills":{"Billing":4}}]}""";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    String connection;
    EndToEnd e2e;

    @BeforeEach
    void connection() {
        VccSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("batch-vcc");
        admin().body(Map.of("id", connection, "vendor", "vcc", "displayName", "VCC sandbox",
                "settings", VccSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY);
    }

    @AfterEach
    void disconnect() {
        admin().delete("/admin/v1/connections/{c}", connection).then().statusCode(204);
    }

    @Test
    void usersDueTogetherShareOneCallPerSkillAndUsersPatchbayDoesNotManageKeepIt() {
        String byHand = VccSandbox.createByHand("""
                {"username":"kept_by_hand","name":"Kept By Hand","email":"kept@example.com",
                 "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true}}}""");
        VccSandbox.CONTROL.put("users/" + byHand + "/skills", "{\"agentSkills\":[{\"skillId\":\"" + VccSandbox.BILLING
                + "\",\"agentSkillLevel\":9}]}").then().statusCode(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(e2e.oktaCreate("agent" + i + "@example.com", "Agent", "Number" + i, "{}"));
        }
        group("Agents", ids);
        e2e.drain();
        assertEquals(3, waiting(), "each agent left its skills to go with the others'");
        assertEquals(0, VccSandbox.state().getInt("skillUserReplacements"));

        batchesDue();
        JsonPath vcc = VccSandbox.state();
        assertEquals(2, vcc.getInt("skillUserReplacements"), "one call for Billing, one for Technical");
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("Billing", 5, "Technical", 3),
                    vcc.getMap(VccSandbox.user("agent" + i + "_example_com") + ".skills"));
            assertEquals("provisioned", e2e.state(ids.get(i)));
        }
        assertEquals(Map.of("Billing", 9), vcc.getMap(VccSandbox.user("kept_by_hand") + ".skills"),
                "a user Patchbay does not manage keeps the skill the replaced list still names");
    }

    @Test
    void aUserTheCallIsRefusedForFailsAloneAndTheOthersGetTheirSkills() {
        List<String> agents = List.of(e2e.oktaCreate("first@example.com", "First", "Agent", "{}"),
                e2e.oktaCreate("second@example.com", "Second", "Agent", "{}"));
        String supervisor = e2e.oktaCreate("boss@example.com", "Boss", "Supervisor", "{}");
        group("Agents", agents);
        group("Supervisors", List.of(supervisor));
        e2e.drain();
        assertEquals(3, waiting());

        batchesDue();
        JsonPath vcc = VccSandbox.state();
        for (String username : List.of("first_example_com", "second_example_com")) {
            assertEquals(Map.of("Billing", 5, "Technical", 3), vcc.getMap(VccSandbox.user(username) + ".skills"));
        }
        for (String agent : agents) {
            assertEquals("provisioned", e2e.state(agent));
        }
        assertEquals(Map.of(), vcc.getMap(VccSandbox.user("boss_example_com") + ".skills"),
                "VCC refused Billing for everyone because of the supervisor; one at a time, only the supervisor failed");
        assertEquals("needs_action", e2e.state(supervisor), "its own outcome: skills need an agent");
    }

    private void group(String name, List<String> members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[" + list + "]}").statusCode(201);
    }

    /** Every batched step waiting is due now, and so are the jobs waiting for them; runs them. */
    private void batchesDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update batched_step set created = now() - interval '2 hours'"
                    + " where connection_id = :c").setParameter("c", connection).executeUpdate();
            entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                    + " where connection_id = :c and state = 'pending'").setParameter("c", connection).executeUpdate();
        });
        e2e.drain();
    }

    private long waiting() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from batched_step where connection_id = :c and state = 'pending'")
                .setParameter("c", connection).getSingleResult()).longValue());
    }
}
