package dev.patchbay.connector.five9;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five9 agent group memberships of users due together go out in one modifyAgentGroup per group, each
 * user's outcome its own. The batches wait an hour here, so the test decides when they are due.
 */
@QuarkusTest
@TestProfile(Five9BatchTest.LongLinger.class)
class Five9BatchTest {

    /** Batched steps wait an hour for other users' unless the test makes them due. */
    public static class LongLinger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.batch.linger", "1h", "patchbay.batch.when-every-job-waits", "false");
        }
    }

    /** Five9 lets only agents and supervisors into an agent group: the reporters' join is refused. */
    static final String POLICY = """
            {"groupRules":[
              {"group":"Five9 Agents","precedence":10,"roles":["Agent"],"skills":{"Support":3},"agentGroups":["Tier 1"]},
              {"group":"Second Tier","precedence":20,"roles":["Agent"],"skills":{"Support":3},"agentGroups":["Tier 2"]},
              {"group":"Five9 Reporters","precedence":30,"roles":["Reporting"],"agentGroups":["Tier 1"]}]}""";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    String connection;
    EndToEnd e2e;

    @BeforeEach
    void connection() {
        Five9Sandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("batch-five9");
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox",
                "settings", Five9Sandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY);
    }

    @Test
    void usersDueTogetherJoinTheirAgentGroupInOneCall() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(e2e.oktaCreate("together" + i + "@example.com", "Together", "User" + i, "{}"));
        }
        String agents = group("Five9 Agents", ids);
        e2e.drain();
        assertEquals(5, waiting(), "each created user left its agent group to go with the others'");
        assertEquals(0, Five9Sandbox.state().getList("agentGroupCalls").size());

        batchesDue();
        JsonPath state = Five9Sandbox.state();
        assertEquals(1, state.getList("agentGroupCalls").size(), "one modifyAgentGroup");
        assertEquals("Tier 1", state.getString("agentGroupCalls[0].group"));
        assertEquals(5, state.getList("agentGroupCalls[0].added").size(), "for the five users");
        assertEquals(5, members(state, "Tier 1").size());
        for (String id : ids) {
            assertEquals("provisioned", e2e.state(id));
        }

        // Two of them move to the second tier: Tier 2 gains both in one call, Tier 1 loses both in another.
        group("Second Tier", ids.subList(0, 2));
        for (String id : ids.subList(0, 2)) {
            removeMember(agents, id);
        }
        e2e.drain();
        batchesDue();
        state = Five9Sandbox.state();
        assertEquals(3, state.getList("agentGroupCalls").size(), "one call per group");
        assertEquals(3, members(state, "Tier 1").size());
        assertEquals(List.of("together0@example.com", "together1@example.com"), members(state, "Tier 2"));
        assertEquals("provisioned", e2e.state(ids.get(0)));
    }

    @Test
    void aUserFiveNineRefusesFailsAloneAndItsRetryCarriesOnlyThatUser() {
        String first = e2e.oktaCreate("kept1@example.com", "Kept", "One", "{}");
        String second = e2e.oktaCreate("kept2@example.com", "Kept", "Two", "{}");
        String refused = e2e.oktaCreate("reports@example.com", "Reports", "Only", "{}");
        String agents = group("Five9 Agents", List.of(first, second));
        group("Five9 Reporters", List.of(refused));
        e2e.drain();
        assertEquals(3, waiting());

        batchesDue();
        assertEquals("failed", e2e.state(refused), "Five9 refused the user without an agent role, alone");
        String timeline = admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, refused).then()
                .extract().asString();
        assertTrue(timeline.contains("needs the agent or supervisor role"), timeline);
        assertEquals("provisioned", e2e.state(first));
        assertEquals("provisioned", e2e.state(second));
        JsonPath state = Five9Sandbox.state();
        assertEquals(List.of("kept1@example.com", "kept2@example.com"), members(state, "Tier 1"));
        int callsBefore = state.getList("agentGroupCalls").size();

        // The user becomes an agent too: its retry sends only its own membership.
        e2e.scim("PATCH", "/Groups/" + agents, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(refused))
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        e2e.drain();
        batchesDue();
        state = Five9Sandbox.state();
        List<String> added = state.getList("agentGroupCalls.added.flatten()");
        assertEquals(callsBefore + 1, state.getList("agentGroupCalls").size());
        assertEquals(List.of("reports@example.com"), state.getList("agentGroupCalls[-1].added"));
        assertEquals(1, added.stream().filter("kept1@example.com"::equals).count(), "the others were not sent again");
        assertEquals(3, members(state, "Tier 1").size());
        assertEquals("provisioned", e2e.state(refused));
    }

    private String group(String name, List<String> userIds) {
        String members = userIds.stream().map(id -> "{\"value\":\"" + id + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        return e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[" + members + "]}").statusCode(201).extract().path("id");
    }

    private void removeMember(String groupId, String userId) {
        e2e.scim("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(userId))
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    private static List<String> members(JsonPath state, String group) {
        return state.getList("agentGroups.find { it.name == '" + group + "' }.members");
    }

    /** Every batched step waiting is due now, and so are the jobs waiting for them; runs them. */
    private void batchesDue() {
        for (int round = 0; round < 2; round++) {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("update batched_step set created = now() - interval '2 hours'"
                        + " where connection_id = :c").setParameter("c", connection).executeUpdate();
                entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                        + " where connection_id = :c and state = 'pending'").setParameter("c", connection).executeUpdate();
            });
            e2e.drain();
        }
    }

    private long waiting() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from batched_step where connection_id = :c and state = 'pending'")
                .setParameter("c", connection).getSingleResult()).longValue());
    }
}
