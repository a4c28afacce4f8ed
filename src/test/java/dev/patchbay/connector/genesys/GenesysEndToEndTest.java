package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta- and Entra-style SCIM requests to Patchbay, provisioned by the real Genesys Cloud connector into
 * the Genesys Cloud sandbox; each test asserts the sandbox's final state.
 */
@QuarkusTest
class GenesysEndToEndTest {

    private static final String PATCHBAY = EndToEnd.PATCHBAY;

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    private String connection;
    private String token;
    private EndToEnd e2e;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("e2e-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys Cloud sandbox",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        token = createToken(connection);
        e2e = new EndToEnd(worker, entityManager, connection, token);
    }

    private void patch(String id, String operations) {
        e2e.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    /** The sandbox's record of a user: {@code user.state}, {@code user.licenses}, {@code user.grants.role}… */
    private static String user(String vendorId) {
        return "users.find { it.id == '" + vendorId + "' }";
    }

    private static List<String> queuesOf(JsonPath state, String vendorId) {
        return state.getMap("queueMembers").entrySet().stream()
                .filter(entry -> ((List<?>) entry.getValue()).contains(vendorId))
                .map(entry -> entry.getKey().toString()).sorted().toList();
    }

    @Test
    void anOktaCreateProvisionsDivisionLicenseRolesSkillsAndQueuesWithOneToken() {
        e2e.policy("{\"groupRules\":[],\"mappings\":[]}");
        String id = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", """
                {"license":"cx2","roles":["Agent","Supervisor"],"queues":["Support","Sales"],
                 "skills":[{"name":"Billing","level":4},{"name":"Sales","level":2}]}""");
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals("grace@example.com", sandbox.getString(user(vendorId) + ".email"));
        assertEquals("Grace Hopper", sandbox.getString(user(vendorId) + ".name"));
        assertEquals("active", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(GenesysSandbox.HOME, sandbox.getString(user(vendorId) + ".divisionId"), "default division Home");
        assertEquals(List.of("cx2"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent", "Supervisor"), sandbox.<String>getList(user(vendorId) + ".grants.role").stream()
                .sorted().toList());
        assertEquals(List.of(GenesysSandbox.HOME, GenesysSandbox.HOME), sandbox.getList(user(vendorId) + ".grants.divisionId"));
        assertEquals(4.0f, sandbox.getFloat(user(vendorId) + ".skills.find { it.name == 'Billing' }.proficiency"));
        assertEquals(2.0f, sandbox.getFloat(user(vendorId) + ".skills.find { it.name == 'Sales' }.proficiency"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE, GenesysSandbox.SALES_QUEUE).stream().sorted().toList(),
                queuesOf(sandbox, vendorId));
        assertEquals(1, sandbox.getInt("tokensIssued"), "one access token served every call");
        assertEquals("provisioned", e2e.state(id));
        admin().get("/admin/v1/connections/{c}", connection).then()
                .body("health.state", equalTo("up"))
                .body("health.budget[0].calls", equalTo(100000))
                .body("health.budget[0].used", org.hamcrest.Matchers.greaterThan(0));

        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Grace B. Hopper\"},"
                + "{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":queues\",\"value\":[\"Support\"]}]");
        e2e.drain();
        sandbox = GenesysSandbox.state();
        assertEquals("Grace B. Hopper", sandbox.getString(user(vendorId) + ".name"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "left the Sales queue");
        assertEquals(1, sandbox.getInt("tokensIssued"));
    }

    @Test
    void aGroupPushedAfterTheUserMovesItToTheGroupsDivisionWithItsRoles() {
        e2e.policy("""
                {"groupRules":[{"group":"Support Agents","license":"cx1","roles":["Agent"],"division":"Support"}]}""");
        // Okta's order: the user first (created at once), its group a moment later.
        String id = e2e.oktaCreate("early@example.com", "Early", "Bird", "{\"license\":\"cx1\",\"roles\":[\"Agent\"]}");
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        assertEquals(GenesysSandbox.HOME, GenesysSandbox.state().getString(user(vendorId) + ".divisionId"));
        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Support Agents\",\"members\":[{\"value\":\"" + id + "\"}]}")
                .statusCode(201);
        e2e.drain();

        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(GenesysSandbox.SUPPORT_DIVISION, sandbox.getString(user(vendorId) + ".divisionId"),
                "moved by the API, no task");
        assertEquals(List.of(GenesysSandbox.SUPPORT_DIVISION), sandbox.getList(user(vendorId) + ".grants.divisionId"),
                "the role follows the user into its new division");
        assertEquals("provisioned", e2e.state(id));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPolicyIsCheckedAgainstWhatGenesysTakesAndWhatTheOrgHas() {
        admin().body("""
                {"licenseOrder":["CX 1","CX 2"],
                 "groupRules":[{"group":"Agents","license":"CX 2","roles":["Agent","Astronaut"],"queues":["Support","Moon"],
                   "site":"London","agentGroups":["Inbound"],"skills":{"Technical":9},"division":"Support"}]}""")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("licenseOrder", "licenseOrder",
                        "groupRules[0].license", "groupRules[0].roles", "groupRules[0].queues", "groupRules[0].site",
                        "groupRules[0].agentGroups", "groupRules[0].skills.Technical"))
                .body("violations.find { it.field == 'groupRules[0].site' }.message",
                        equalTo("Genesys Cloud does not take site: Patchbay would never send it"))
                .body("violations.find { it.field == 'groupRules[0].roles' }.message",
                        equalTo("'Astronaut' is not a role Genesys Cloud knows; it has Admin, Agent, Supervisor"))
                .body("violations.find { it.field == 'groupRules[0].skills.Technical' }.message",
                        equalTo("must be a level from 0 to 5 (Genesys Cloud: higher is better)"));
        admin().get("/admin/v1/connections/{c}/policy", connection).then().body("version", equalTo(0));

        admin().body("""
                {"licenseOrder":["cx1","cx2"],
                 "groupRules":[{"group":"Agents","license":"cx2","roles":["Agent"],"queues":["Support"],
                   "skills":{"Technical":4},"division":"Support"}]}""")
                .put("/admin/v1/connections/{c}/policy", connection).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void anEntraUserInAGroupGetsTheGroupsDivisionAndDisablingLeavesNoQueueMembership() {
        e2e.policy("""
                {"groupRules":[{"group":"Support Agents","license":"cx1","roles":["Agent"],"queues":["Support"],
                  "skills":{"Technical":3},"division":"Support"}]}""");
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa@contoso.com","active":"True",
                 "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_00aa00aa@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],"title":null,"addresses":null}""").statusCode(201).extract().path("id");
        String group = e2e.scim("POST", "/Groups", """
                {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Support Agents","meta":{"resourceType":"Group"},
                 "schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"]}""")
                .statusCode(201).extract().path("id");
        e2e.scim("PATCH", "/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}""".formatted(id))
                .statusCode(204);
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(GenesysSandbox.SUPPORT_DIVISION, sandbox.getString(user(vendorId) + ".divisionId"));
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_DIVISION), sandbox.getList(user(vendorId) + ".grants.divisionId"),
                "the role is granted in the user's division");
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));

        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        e2e.drain();
        sandbox = GenesysSandbox.state();
        assertEquals("inactive", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of(), queuesOf(sandbox, vendorId), "Genesys keeps queue members; Patchbay removed them first");
        assertEquals("provisioned", e2e.state(id), "the deactivation is done");

        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]");
        e2e.drain();
        sandbox = GenesysSandbox.state();
        assertEquals("active", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "queues came back");
    }

    @Test
    void aRoleAboveTheLicenseIsATaskUntilTheLicenseIsRaised() {
        String id = e2e.oktaCreate("ceiling@example.com", "Grace", "Hopper", """
                {"license":"cx1","roles":["Supervisor"],"queues":["Support"]}""");
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of(), sandbox.getList(user(vendorId) + ".grants"), "no role above the license");
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "the queue step went on");
        assertEquals("needs_action", e2e.state(id));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("license_ceiling"))
                .body("items.find { it.kind == 'license_ceiling' }.reason", containsString("Supervisor"))
                .body("items.find { it.kind == 'license_ceiling' }.reason", containsString("cx2"));

        patch(id, "[{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":license\",\"value\":\"cx2\"}]");
        e2e.drain();
        queue.enqueueUsersWithOpenTasks();
        e2e.settle();
        sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx2"), sandbox.getList(user(vendorId) + ".licenses"), "cx1 given up for cx2");
        assertEquals(List.of("Supervisor"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals("provisioned", e2e.state(id));
        admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'license_ceiling' }.status", equalTo("verified"));
    }

    @Test
    void aLowerLicenseTakesBackTheRolesItDoesNotCover() {
        String id = e2e.oktaCreate("downgrade@example.com", "Grace", "Hopper", "{\"license\":\"cx3\",\"roles\":[\"Admin\",\"Agent\"]}");
        e2e.drain();
        String vendorId = e2e.vendorId(id);
        patch(id, "[{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":license\",\"value\":\"cx1\"},"
                + "{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":roles\",\"value\":[\"Agent\"]}]");
        e2e.drain();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void aRehireAfterDeleteRestoresTheAccountAndReappliesRolesSkillsAndQueues() {
        e2e.policy("{\"offboarding\":{\"onDelete\":\"delete\"}}");
        String seat = "{\"license\":\"cx1\",\"roles\":[\"Agent\"],\"queues\":[\"Support\"],"
                + "\"skills\":[{\"name\":\"French\",\"level\":5}]}";
        String first = e2e.oktaCreate("rehire@example.com", "Grace", "Hopper", seat);
        e2e.drain();
        String vendorId = e2e.vendorId(first);
        e2e.scim("DELETE", "/Users/" + first, null).statusCode(204);
        e2e.settle();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals("deleted", sandbox.getString(user(vendorId) + ".state"), "Genesys deletes softly");
        assertEquals(List.of(), queuesOf(sandbox, vendorId));

        String second = e2e.oktaCreate("rehire@example.com", "Grace", "Hopper", seat);
        e2e.drain();
        assertEquals(vendorId, e2e.vendorId(second), "the deleted account was restored, not duplicated");
        sandbox = GenesysSandbox.state();
        assertEquals(1, sandbox.getList("users.findAll { it.email == 'rehire@example.com' }").size());
        assertEquals("active", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals(5.0f, sandbox.getFloat(user(vendorId) + ".skills.find { it.name == 'French' }.proficiency"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));
        assertEquals("provisioned", e2e.state(second));
    }

    @Test
    void aRehireOfADeactivatedUserReactivatesIt() {
        String first = e2e.oktaCreate("returning@example.com", "Grace", "Hopper", "{\"license\":\"cx1\",\"roles\":[\"Agent\"]}");
        e2e.drain();
        String vendorId = e2e.vendorId(first);
        e2e.scim("DELETE", "/Users/" + first, null).statusCode(204);
        e2e.drain();
        assertEquals("inactive", GenesysSandbox.state().getString(user(vendorId) + ".state"),
                "by default an IdP delete deactivates");
        String second = e2e.oktaCreate("returning@example.com", "Grace", "Hopper", "{\"license\":\"cx1\",\"roles\":[\"Agent\"]}");
        e2e.drain();
        assertEquals(vendorId, e2e.vendorId(second));
        assertEquals("active", GenesysSandbox.state().getString(user(vendorId) + ".state"));
    }

    @Test
    void faultsAndALostCreateResponseLeaveExactlyOneAccount() {
        GenesysSandbox.fault("""
                [{"type":"status","status":503,"api":"api"},
                 {"type":"status","status":429,"api":"api","retryAfterSeconds":1},
                 {"type":"latency","millis":3500,"api":"api"}]""");
        String id = e2e.oktaCreate("flaky@example.com", "Grace", "Hopper", "{\"license\":\"cx1\",\"roles\":[\"Agent\"],\"queues\":[\"Support\"]}");
        e2e.settle();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(1, sandbox.getList("users.findAll { it.email == 'flaky@example.com' }").size(),
                "one account, though a create answer was lost");
        String vendorId = e2e.vendorId(id);
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void anExpiredTokenIsReplacedAndWrongCredentialsPauseTheUserWithTheReason() {
        GenesysSandbox.tunables(60, 100000);
        String id = e2e.oktaCreate("tokens@example.com", "Grace", "Hopper", "{\"license\":\"cx1\"}");
        e2e.drain();
        int issuedBefore = GenesysSandbox.state().getInt("tokensIssued");
        // Past the life of every token issued so far (the one of the check on save lives a day).
        GenesysSandbox.advanceClock(86_400_000 + 120_000);
        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]");
        e2e.drain();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals("Renamed", sandbox.getString(user(e2e.vendorId(id)) + ".name"));
        assertEquals(issuedBefore + 1, sandbox.getInt("tokensIssued"), "the expired token was replaced once");

        String wrong = uniqueConnectionId("e2e-genesys-bad");
        Map<String, Object> settings = new java.util.HashMap<>(GenesysSandbox.settings());
        settings.put("clientSecret", "not-the-secret");
        admin().body(Map.of("id", wrong, "vendor", "genesys", "displayName", "Wrong secret", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        String wrongToken = createToken(wrong);
        String user = given().auth().oauth2(wrongToken).contentType("application/scim+json")
                .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"nobody@example.com\"}")
                .post("/scim/v2/" + wrong + "/Users").then().statusCode(201).extract().path("id");
        e2e.drain();
        given().auth().oauth2(wrongToken).get("/scim/v2/" + wrong + "/Users/" + user).then()
                .body("'" + PATCHBAY + "'.provisioning.lastError", containsString("refused the OAuth client"))
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("failed"));
        assertTrue(GenesysSandbox.state().getList("users.findAll { it.email == 'nobody@example.com' }").isEmpty());
    }
}
