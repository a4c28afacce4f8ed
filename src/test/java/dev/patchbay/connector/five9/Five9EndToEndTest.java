package dev.patchbay.connector.five9;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta- and Entra-style SCIM requests to Patchbay, provisioned by the real Five9 connector over SOAP into
 * the Five9 simulator; each test asserts the simulator's final state.
 */
@QuarkusTest
class Five9EndToEndTest {

    private static final String POLICY = """
            {"groupRules":[
              {"group":"Five9 Agents","precedence":10,"license":"Core","roles":["Agent"],
               "skills":{"Support":3,"Billing":5},"agentGroups":["Tier 1"],"userProfile":"Agent Profile"},
              {"group":"Five9 Supervisors","precedence":20,"license":"Premium","roles":["Agent","Supervisor"],
               "skills":{"Support":1},"agentGroups":["Tier 1","Tier 2"],"userProfile":"Supervisor Profile"},
              {"group":"Five9 Admins","precedence":30,"license":"Premium","roles":["Agent","Administrator"]}],
             "approvals":{"roles":["Administrator"]}%s}""";

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    private String connection;
    private EndToEnd e2e;

    @BeforeEach
    void connection() {
        Five9Sandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("e2e-five9");
        admin().body(Map.of("id", connection, "vendor", "five9", "displayName", "Five9 sandbox",
                "settings", Five9Sandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy(POLICY.formatted(""));
    }

    private static String user(String userName) {
        return "users.find { it.userName == '" + userName + "' }";
    }

    private static List<String> membersOf(JsonPath state, String group) {
        return state.getList("agentGroups.find { it.name == '" + group + "' }.members");
    }

    private String group(String name, String userId) {
        return e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + userId + "\"}]}")
                .statusCode(201).extract().path("id");
    }

    private void patch(String id, String operations) {
        e2e.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    private JsonPath openTasks() {
        return admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anOktaUserGetsRolesSkillsAndAgentGroupsAndAGroupChangeIsAppliedByDifference() {
        String id = e2e.oktaCreate("agent@example.com", "Ada", "Lovelace", "{}");
        String agents = group("Five9 Agents", id);
        e2e.drain();
        JsonPath state = Five9Sandbox.state();
        assertEquals("agent@example.com", state.getString(user("agent@example.com") + ".federationId"),
                "SSO works without a manual step");
        assertEquals("true", state.getString(user("agent@example.com") + ".mustChangePassword"));
        assertEquals("Ada", state.getString(user("agent@example.com") + ".firstName"));
        assertEquals(List.of("Agent"), List.copyOf(state.getMap(user("agent@example.com") + ".roles").keySet()));
        assertEquals(Map.of("Support", 3, "Billing", 5), state.getMap(user("agent@example.com") + ".skills"));
        assertEquals(List.of("agent@example.com"), membersOf(state, "Tier 1"));
        assertEquals("Agent Profile", state.getString(user("agent@example.com") + ".userProfileName"));
        assertEquals("provisioned", e2e.state(id));

        e2e.scim("DELETE", "/Groups/" + agents, null).statusCode(204);
        group("Five9 Supervisors", id);
        e2e.drain();
        state = Five9Sandbox.state();
        assertEquals(List.of("Agent", "Supervisor"), state.getMap(user("agent@example.com") + ".roles").keySet()
                .stream().map(String::valueOf).sorted().toList());
        assertEquals(Map.of("Support", 1), state.getMap(user("agent@example.com") + ".skills"),
                "Support raised to 1 (Five9's best), Billing removed");
        assertEquals(List.of("agent@example.com"), membersOf(state, "Tier 1"));
        assertEquals(List.of("agent@example.com"), membersOf(state, "Tier 2"));
        assertEquals("Supervisor Profile", state.getString(user("agent@example.com") + ".userProfileName"),
                "moved from one user profile to the other");
        List<Instant> skillCalls = state.<String>getList("skillCalls.at").stream().map(Instant::parse).toList();
        for (int i = 1; i < skillCalls.size(); i++) {
            assertTrue(!skillCalls.get(i).isBefore(skillCalls.get(i - 1).plusMillis(50)),
                    "skill calls are paced by the connection's skillPacingMillis: " + skillCalls);
        }
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void administratorWaitsForApproval() {
        String id = e2e.oktaCreate("boss@example.com", "Grace", "Hopper", "{}");
        group("Five9 Admins", id);
        e2e.drain();
        assertNull(Five9Sandbox.state().get(user("boss@example.com") + ".roles.DomainAdmin"),
                "no admin rights before the approval");
        String approval = openTasks().getString("items.find { it.kind == 'role_approval' }.id");
        admin().body("{\"closedBy\":\"it@example.com\"}").post("/admin/v1/tasks/{id}/complete", approval).then()
                .statusCode(200);
        e2e.drain(); // completing the approval synced the user

        assertTrue(Five9Sandbox.state().getMap(user("boss@example.com") + ".roles").containsKey("DomainAdmin"));
        assertTrue(Five9Sandbox.state().getMap(user("boss@example.com") + ".roles").containsKey("Agent"));
    }

    @Test
    void anAgentWithoutASkillIsATaskUntilItsGroupGivesOne() {
        String id = e2e.oktaCreate("unskilled@example.com", "Ada", "Lovelace", "{}");
        String admins = group("Five9 Admins", id);
        e2e.drain();
        JsonPath open = openTasks();
        assertEquals("This Five9 agent has no skill and will receive no contacts: give the user's group a skill in"
                        + " the policy, or the user a group that has one",
                open.getString("items.find { it.kind == 'agent_without_skill' }.reason"));
        assertEquals(169.0f, open.getFloat("items.find { it.kind == 'agent_without_skill' }.monthlyCost"),
                "the Premium seat it pays for");
        assertEquals("needs_action", e2e.state(id));

        e2e.scim("PATCH", "/Groups/" + admins, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}]}")
                .statusCode(204);
        group("Five9 Agents", id);
        e2e.drain();
        assertEquals(Map.of("Support", 3, "Billing", 5), Five9Sandbox.state().getMap(user("unskilled@example.com") + ".skills"));
        assertNull(openTasks().get("items.find { it.kind == 'agent_without_skill' }"), "closed once it has skills");
        assertNull(openTasks().get("items.find { it.kind == 'role_approval' }"),
                "the Administrator approval is withdrawn with the group that asked for it");
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void aUserNameChangeIsATaskAndTheAccountKeepsItsName() {
        String id = e2e.oktaCreate("old.name@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        patch(id, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"new.name@example.com\"},"
                + "{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Byron\"}]");
        e2e.drain();
        JsonPath state = Five9Sandbox.state();
        assertEquals("Byron", state.getString(user("old.name@example.com") + ".lastName"), "the rest still syncs");
        assertNull(state.get(user("new.name@example.com")));
        assertEquals(1, state.getList("users").size());
        assertTrue(openTasks().<String>getList("items.kind").contains("immutable_change"));
    }

    @Test
    void aFullDomainIsABuySeatsTaskAndTheUserIsCreatedOnceASeatIsFree() {
        Five9Sandbox.CONTROL.settings(Map.of("seatLimit", 0));
        String id = e2e.oktaCreate("late@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        assertEquals(0, Five9Sandbox.state().getList("users").size());
        assertEquals("needs_action", e2e.state(id));
        assertTrue(openTasks().<String>getList("items.kind").contains("buy_five9_seats"));

        Five9Sandbox.CONTROL.settings(Map.of("seatLimit", 5));
        queue.enqueueUsersWithOpenTasks();
        e2e.settle();
        assertEquals(1, Five9Sandbox.state().getList("users.findAll { it.userName == 'late@example.com' }").size());
        assertEquals("provisioned", e2e.state(id));
        admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'buy_five9_seats' }.status", equalTo("verified"));
    }

    @Test
    void anEntraDisableDeactivatesAndAsksForASeatReductionWithThePlansCost() {
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa@contoso.com","active":"True",
                 "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_00aa00aa@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],"title":null,"addresses":null}""").statusCode(201).extract().path("id");
        group("Five9 Supervisors", id);
        e2e.drain();
        assertEquals("true", Five9Sandbox.state().getString(user("Test_User_00aa00aa@contoso.com") + ".active"));

        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        e2e.drain();
        assertEquals("false", Five9Sandbox.state().getString(user("Test_User_00aa00aa@contoso.com") + ".active"));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("seat_reduction"))
                .body("items.find { it.kind == 'seat_reduction' }.monthlyCost", equalTo(169.0f));
    }

    @Test
    void aHardDeleteWaitsUntilTheRecordingsAreExported() {
        e2e.policy(POLICY.formatted(",\"offboarding\":{\"onDelete\":\"delete\"}"));
        String id = e2e.oktaCreate("gone@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        e2e.scim("DELETE", "/Users/" + id, null).statusCode(204);
        e2e.drain();
        assertEquals("false", Five9Sandbox.state().getString(user("gone@example.com") + ".active"),
                "deactivated, not yet deleted");
        String export = openTasks().getString("items.find { it.kind == 'export_recordings' }.id");
        admin().body("{\"closedBy\":\"it@example.com\"}").post("/admin/v1/tasks/{id}/complete", export).then()
                .statusCode(200);
        e2e.settle();
        assertNull(Five9Sandbox.state().get(user("gone@example.com")), "deleted once the recordings were exported");
    }

    @Test
    void busyAdminUsersAndFaultsEndInTheRightStateWithOneAccount() {
        Five9Sandbox.fault(Map.of("type", "soapFault", "name", "SessionClosedFault", "count", 2));
        Five9Sandbox.fault(Map.of("type", "soapFault", "name", "ConcurrentModificationFault", "count", 1));
        Five9Sandbox.fault(Map.of("type", "status", "status", 503, "count", 1));
        String id = e2e.oktaCreate("faulty@example.com", "Ada", "Lovelace", "{}");
        group("Five9 Agents", id);
        e2e.settle();
        JsonPath state = Five9Sandbox.state();
        assertEquals(1, state.getList("users.findAll { it.userName == 'faulty@example.com' }").size(),
                "one account, however often the calls were retried");
        assertEquals(Map.of("Support", 3, "Billing", 5), state.getMap(user("faulty@example.com") + ".skills"));
        assertEquals(List.of("faulty@example.com"), membersOf(state, "Tier 1"));
        assertEquals("provisioned", e2e.state(id), "a busy admin user is never a failure");
        assertEquals(0, admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void theRequestLimitWaitsForTheWindowInsteadOfFailing() {
        Five9Sandbox.fault(Map.of("type", "soapFault", "name", "OperationsLimitExceededFault", "count", 1,
                "message", "Maximum number of Modify Web Services requests for the minute period has been exceeded"));
        String id = e2e.oktaCreate("limited@example.com", "Ada", "Lovelace", "{}");
        e2e.drain();
        assertFalse("failed".equals(e2e.state(id)));
        e2e.settle();
        assertEquals(1, Five9Sandbox.state().getList("users.findAll { it.userName == 'limited@example.com' }").size());
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void twoWorkersKeepToTheDomainsModifyWindowBetweenThem() throws Exception {
        Five9Sandbox.CONTROL.settings(Map.of("modifyPerMinute", 5));
        Map<String, Object> settings = new java.util.HashMap<>(Five9Sandbox.settings());
        settings.put("modifyLimitPerMinute", 5);
        String limited = uniqueConnectionId("window-five9");
        admin().body(Map.of("id", limited, "vendor", "five9", "displayName", "Five9 at 5 a minute",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(201);
        EndToEnd wave = new EndToEnd(worker, entityManager, limited, createToken(limited));
        awayFromTheMinutesEnd();
        List<String> users = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(wave.oktaCreate("window" + i + "@example.com", "Wave", "User" + i, "{}"));
        }

        java.util.concurrent.CompletableFuture<Void> first = java.util.concurrent.CompletableFuture.runAsync(
                () -> runUntilIdle("window-worker-1"));
        java.util.concurrent.CompletableFuture<Void> second = java.util.concurrent.CompletableFuture.runAsync(
                () -> runUntilIdle("window-worker-2"));
        first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        second.get(60, java.util.concurrent.TimeUnit.SECONDS);

        JsonPath state = Five9Sandbox.state();
        assertEquals(5, state.getInt("callCounters.Modify.minute.value"), "the window's five requests, no more");
        assertEquals(0, state.getInt("callCounters.Modify.refused"), "no request met OperationsLimitExceededFault");
        assertEquals(5, state.getList("users.findAll { it.userName.startsWith('window') }").size());
        assertEquals(3, users.stream().filter(id -> "pending".equals(wave.state(id))).count(),
                "the other three wait for the next minute");
    }

    @Test
    void aBulkOffboardingDeactivatesAtTheDomainsLimitWithProgressAndASeatTaskEach() throws Exception {
        List<String> users = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(e2e.oktaCreate("leaver" + i + "@example.com", "Leaving", "Agent" + i, "{}"));
        }
        e2e.settle();
        Map<String, Object> slow = new java.util.HashMap<>(Five9Sandbox.settings());
        slow.put("modifyLimitPerMinute", 3);
        admin().body(Map.of("displayName", "Five9 at 3 a minute", "settings", slow))
                .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
        awayFromTheMinutesEnd();

        // Okta unassigns the group: a PATCH active=false for each member.
        users.forEach(id -> patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]"));
        JsonPath queued = progress();
        assertEquals(6, queued.getInt("remaining"));
        e2e.drain();

        JsonPath during = progress();
        assertEquals(3, during.getInt("done"), "the minute's three Modify requests");
        assertEquals(3, during.getInt("remaining"));
        assertEquals("rate_limit", during.getString("estimateBasis"));
        assertTrue(Instant.parse(during.getString("estimatedFinish")).isAfter(Instant.now()));
        assertEquals(3, Five9Sandbox.state().getList("users.findAll { it.userName.startsWith('leaver') && it.active == 'false' }")
                .size());

        e2e.settle();
        assertEquals(6, Five9Sandbox.state().getList("users.findAll { it.userName.startsWith('leaver') && it.active == 'false' }")
                .size(), "every leaver deactivated");
        assertEquals(0, progress().getInt("remaining"));
        assertEquals(6, openTasks().getList("items.findAll { it.kind == 'seat_reduction' }").size(),
                "each deactivated agent still holds a billed seat");
        assertEquals(0, Five9Sandbox.state().getInt("callCounters.Modify.refused"));
    }

    private JsonPath progress() {
        return admin().get("/admin/v1/connections/{c}/progress", connection).then().statusCode(200).extract().jsonPath();
    }

    /** A minute window that rolls over during the test would let more requests through. */
    private static void awayFromTheMinutesEnd() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 40_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
    }

    private void runUntilIdle(String workerId) {
        int idleRounds = 0;
        while (idleRounds < 5) {
            if (worker.runOnce(workerId) == 0) {
                idleRounds++;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                idleRounds = 0;
            }
        }
    }
}
