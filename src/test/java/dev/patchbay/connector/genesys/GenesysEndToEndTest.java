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

import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    private String connection;
    private String token;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        drain();
        connection = uniqueConnectionId("e2e-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys Cloud sandbox",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        token = createToken(connection);
    }

    private void policy(String json) {
        admin().body(json).put("/admin/v1/connections/{c}/policy", connection).then().statusCode(200);
    }

    private ValidatableResponse scim(String method, String path, String body) {
        var request = given().auth().oauth2(token).contentType("application/scim+json");
        if (body != null) {
            request.body(body);
        }
        return request.request(method, "/scim/v2/" + connection + path).then();
    }

    private String oktaCreate(String userName, String seat) {
        return scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%3$s"],"userName":"%1$s",
                 "name":{"givenName":"Grace","familyName":"Hopper"},
                 "emails":[{"primary":true,"value":"%1$s","type":"work"}],"displayName":"Grace Hopper",
                 "externalId":"00u%2$s","password":"1mz050nq","active":true,"%3$s":%4$s}"""
                .formatted(userName, Math.abs(userName.hashCode()), PATCHBAY, seat)).statusCode(201).extract().path("id");
    }

    private void patch(String id, String operations) {
        scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    private void drain() {
        for (int round = 0; round < 50 && worker.runOnce("e2e-worker") > 0; round++) {
            // keep going
        }
    }

    /** Makes every waiting job of this connection due and runs them, a few times (retries, re-checks). */
    private void settle() {
        for (int round = 0; round < 8; round++) {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                        + " where state = 'pending' and connection_id = :c")
                        .setParameter("c", connection).executeUpdate();
                entityManager.createNativeQuery("delete from rate_limit_window where connection_id = :c")
                        .setParameter("c", connection).executeUpdate();
            });
            drain();
        }
    }

    private String state(String userId) {
        return scim("GET", "/Users/" + userId, null).extract().path("'" + PATCHBAY + "'.provisioning.state");
    }

    private String vendorId(String userId) {
        return scim("GET", "/Users/" + userId, null).extract().path("'" + PATCHBAY + "'.provisioning.vendorId");
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
        policy("{\"groupRules\":[],\"mappings\":[]}");
        String id = oktaCreate("grace@example.com", """
                {"license":"cx2","roles":["Agent","Supervisor"],"queues":["Support","Sales"],
                 "skills":[{"name":"Billing","level":4},{"name":"Sales","level":2}]}""");
        drain();
        String vendorId = vendorId(id);
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
        assertEquals("provisioned", state(id));

        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Grace B. Hopper\"},"
                + "{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":queues\",\"value\":[\"Support\"]}]");
        drain();
        sandbox = GenesysSandbox.state();
        assertEquals("Grace B. Hopper", sandbox.getString(user(vendorId) + ".name"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "left the Sales queue");
        assertEquals(1, sandbox.getInt("tokensIssued"));
    }

    @Test
    void anEntraUserInAGroupGetsTheGroupsDivisionAndDisablingLeavesNoQueueMembership() {
        policy("""
                {"groupRules":[{"group":"Support Agents","license":"cx1","roles":["Agent"],"queues":["Support"],
                  "skills":{"Technical":3},"division":"Support"}]}""");
        String id = scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa@contoso.com","active":"True",
                 "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_00aa00aa@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],"title":null,"addresses":null}""").statusCode(201).extract().path("id");
        String group = scim("POST", "/Groups", """
                {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Support Agents","meta":{"resourceType":"Group"},
                 "schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"]}""")
                .statusCode(201).extract().path("id");
        scim("PATCH", "/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}""".formatted(id))
                .statusCode(204);
        drain();
        String vendorId = vendorId(id);
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(GenesysSandbox.SUPPORT_DIVISION, sandbox.getString(user(vendorId) + ".divisionId"));
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_DIVISION), sandbox.getList(user(vendorId) + ".grants.divisionId"),
                "the role is granted in the user's division");
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));

        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        drain();
        sandbox = GenesysSandbox.state();
        assertEquals("inactive", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of(), queuesOf(sandbox, vendorId), "Genesys keeps queue members; Patchbay removed them first");
        assertEquals("provisioned", state(id), "the deactivation is done");

        patch(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]");
        drain();
        sandbox = GenesysSandbox.state();
        assertEquals("active", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "queues came back");
    }

    @Test
    void aRoleAboveTheLicenseIsATaskUntilTheLicenseIsRaised() {
        String id = oktaCreate("ceiling@example.com", """
                {"license":"cx1","roles":["Supervisor"],"queues":["Support"]}""");
        drain();
        String vendorId = vendorId(id);
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of(), sandbox.getList(user(vendorId) + ".grants"), "no role above the license");
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId), "the queue step went on");
        assertEquals("needs_action", state(id));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("license_ceiling"))
                .body("items.find { it.kind == 'license_ceiling' }.reason", containsString("Supervisor"))
                .body("items.find { it.kind == 'license_ceiling' }.reason", containsString("cx2"));

        patch(id, "[{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":license\",\"value\":\"cx2\"}]");
        drain();
        queue.enqueueUsersWithOpenTasks();
        settle();
        sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx2"), sandbox.getList(user(vendorId) + ".licenses"), "cx1 given up for cx2");
        assertEquals(List.of("Supervisor"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals("provisioned", state(id));
        admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'license_ceiling' }.status", equalTo("verified"));
    }

    @Test
    void aLowerLicenseTakesBackTheRolesItDoesNotCover() {
        String id = oktaCreate("downgrade@example.com", "{\"license\":\"cx3\",\"roles\":[\"Admin\",\"Agent\"]}");
        drain();
        String vendorId = vendorId(id);
        patch(id, "[{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":license\",\"value\":\"cx1\"},"
                + "{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":roles\",\"value\":[\"Agent\"]}]");
        drain();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals("provisioned", state(id));
    }

    @Test
    void aRehireAfterDeleteRestoresTheAccountAndReappliesRolesSkillsAndQueues() {
        policy("{\"offboarding\":{\"onDelete\":\"delete\"}}");
        String seat = "{\"license\":\"cx1\",\"roles\":[\"Agent\"],\"queues\":[\"Support\"],"
                + "\"skills\":[{\"name\":\"French\",\"level\":5}]}";
        String first = oktaCreate("rehire@example.com", seat);
        drain();
        String vendorId = vendorId(first);
        scim("DELETE", "/Users/" + first, null).statusCode(204);
        settle();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals("deleted", sandbox.getString(user(vendorId) + ".state"), "Genesys deletes softly");
        assertEquals(List.of(), queuesOf(sandbox, vendorId));

        String second = oktaCreate("rehire@example.com", seat);
        drain();
        assertEquals(vendorId, vendorId(second), "the deleted account was restored, not duplicated");
        sandbox = GenesysSandbox.state();
        assertEquals(1, sandbox.getList("users.findAll { it.email == 'rehire@example.com' }").size());
        assertEquals("active", sandbox.getString(user(vendorId) + ".state"));
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of("Agent"), sandbox.getList(user(vendorId) + ".grants.role"));
        assertEquals(5.0f, sandbox.getFloat(user(vendorId) + ".skills.find { it.name == 'French' }.proficiency"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));
        assertEquals("provisioned", state(second));
    }

    @Test
    void aRehireOfADeactivatedUserReactivatesIt() {
        String first = oktaCreate("returning@example.com", "{\"license\":\"cx1\",\"roles\":[\"Agent\"]}");
        drain();
        String vendorId = vendorId(first);
        scim("DELETE", "/Users/" + first, null).statusCode(204);
        drain();
        assertEquals("inactive", GenesysSandbox.state().getString(user(vendorId) + ".state"),
                "by default an IdP delete deactivates");
        String second = oktaCreate("returning@example.com", "{\"license\":\"cx1\",\"roles\":[\"Agent\"]}");
        drain();
        assertEquals(vendorId, vendorId(second));
        assertEquals("active", GenesysSandbox.state().getString(user(vendorId) + ".state"));
    }

    @Test
    void faultsAndALostCreateResponseLeaveExactlyOneAccount() {
        GenesysSandbox.fault("""
                [{"type":"status","status":503,"api":"api"},
                 {"type":"status","status":429,"api":"api","retryAfterSeconds":1},
                 {"type":"latency","millis":3500,"api":"api"}]""");
        String id = oktaCreate("flaky@example.com", "{\"license\":\"cx1\",\"roles\":[\"Agent\"],\"queues\":[\"Support\"]}");
        settle();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(1, sandbox.getList("users.findAll { it.email == 'flaky@example.com' }").size(),
                "one account, though a create answer was lost");
        String vendorId = vendorId(id);
        assertEquals(List.of("cx1"), sandbox.getList(user(vendorId) + ".licenses"));
        assertEquals(List.of(GenesysSandbox.SUPPORT_QUEUE), queuesOf(sandbox, vendorId));
        assertEquals("provisioned", state(id));
    }

    @Test
    void anExpiredTokenIsReplacedAndWrongCredentialsPauseTheUserWithTheReason() {
        GenesysSandbox.tunables(60, 100000);
        String id = oktaCreate("tokens@example.com", "{\"license\":\"cx1\"}");
        drain();
        GenesysSandbox.advanceClock(120_000);
        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]");
        drain();
        JsonPath sandbox = GenesysSandbox.state();
        assertEquals("Renamed", sandbox.getString(user(vendorId(id)) + ".name"));
        assertEquals(2, sandbox.getInt("tokensIssued"), "the expired token was replaced once");

        String wrong = uniqueConnectionId("e2e-genesys-bad");
        Map<String, Object> settings = new java.util.HashMap<>(GenesysSandbox.settings());
        settings.put("clientSecret", "not-the-secret");
        admin().body(Map.of("id", wrong, "vendor", "genesys", "displayName", "Wrong secret", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        String wrongToken = createToken(wrong);
        String user = given().auth().oauth2(wrongToken).contentType("application/scim+json")
                .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"nobody@example.com\"}")
                .post("/scim/v2/" + wrong + "/Users").then().statusCode(201).extract().path("id");
        drain();
        given().auth().oauth2(wrongToken).get("/scim/v2/" + wrong + "/Users/" + user).then()
                .body("'" + PATCHBAY + "'.provisioning.lastError", containsString("refused the OAuth client"))
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("failed"));
        assertTrue(GenesysSandbox.state().getList("users.findAll { it.email == 'nobody@example.com' }").isEmpty());
    }
}
