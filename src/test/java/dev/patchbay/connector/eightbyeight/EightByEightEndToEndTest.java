package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.VendorRef;
import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta- and Entra-style SCIM requests to Patchbay, provisioned by the real 8x8 connector into the 8x8
 * sandbox; each test asserts the sandbox's final state.
 */
@QuarkusTest
class EightByEightEndToEndTest {

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
    private Connector sandbox;

    @BeforeEach
    void connection() {
        EightByEightSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("e2e-8x8");
        admin().body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "8x8 sandbox",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        token = createToken(connection);
        e2e = new EndToEnd(worker, entityManager, connection, token);
        sandbox = new EightByEightConnectorFactory().connect(connection, EightByEightSandbox.settings());
    }

    private Seat account(String userId) {
        String vendorId = e2e.vendorId(userId);
        return sandbox.read(new VendorRef(vendorId), new CallContext(connection, Map.of(), "e2e")).orElseThrow();
    }

    @Test
    void anOktaCreateProvisionsIdentitySiteLicenseDirectoryAndExtension() {
        String id = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace",
                "{\"site\":\"London\",\"license\":\"X4\",\"directoryVisible\":true,\"extension\":\"1001\"}");
        e2e.drain();
        Seat account = account(id);
        assertEquals("ada@example.com", account.text(SeatField.USER_NAME));
        assertEquals("London", account.text(SeatField.SITE));
        assertEquals("X4", account.text(SeatField.LICENSE));
        assertEquals(Boolean.TRUE.toString(), String.valueOf(account.get(SeatField.DIRECTORY_VISIBLE)));
        assertEquals("1001", account.text(SeatField.EXTENSION));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void anEntraCreateAndDisableReachTheSandbox() {
        e2e.policy("{\"groupRules\":[{\"group\":\"8x8 Users\",\"license\":\"X2\",\"site\":\"New York\",\"directoryVisible\":false}]}");
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa@contoso.com","active":"True",
                 "emails":[{"primary":true,"type":"work","value":"Test_User_00aa00aa@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],"title":null,"addresses":null}""").statusCode(201).extract().path("id");
        String group = e2e.scim("POST", "/Groups", """
                {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"8x8 Users","meta":{"resourceType":"Group"},
                 "schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"]}""")
                .statusCode(201).extract().path("id");
        e2e.scim("PATCH", "/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}""".formatted(id))
                .statusCode(204);
        e2e.drain();
        Seat account = account(id);
        assertEquals("New York", account.text(SeatField.SITE));
        assertEquals("X2", account.text(SeatField.LICENSE));
        assertEquals("false", String.valueOf(account.get(SeatField.DIRECTORY_VISIBLE)));
        e2e.scim("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""")
                .statusCode(200);
        e2e.drain();
        assertFalse(account(id).active());
    }

    @Test
    void aUserWithoutASiteWaitsWithATaskUntilItsGroupGivesItOne() {
        e2e.policy("{\"groupRules\":[{\"group\":\"8x8 Users\",\"license\":\"X2\",\"site\":\"New York\"}]}");
        String id = e2e.oktaCreate("sitless@example.com", "Site", "Less", "{}");
        e2e.drain();
        assertEquals(0, EightByEightSandbox.state().getList("users.findAll { it.basicInfo.userName == 'sitless@example.com' }")
                .size(), "no 8x8 call without the site it requires");
        assertEquals("needs_action", e2e.state(id));
        io.restassured.path.json.JsonPath task = admin().queryParam("connection", connection).queryParam("user", id)
                .get("/admin/v1/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals("missing_field", task.getString("items[0].kind"));
        assertEquals("site", task.getString("items[0].field"));

        e2e.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"8x8 Users\",\"members\":[{\"value\":\"" + id + "\"}]}").statusCode(201);
        e2e.drain();
        assertEquals("New York", account(id).text(SeatField.SITE));
        assertEquals("X2", account(id).text(SeatField.LICENSE));
        assertEquals("provisioned", e2e.state(id));
        admin().queryParam("connection", connection).queryParam("user", id).get("/admin/v1/tasks").then()
                .body("items[0].status", equalTo("verified"));
    }

    @Test
    void anEntraIdentityChangeIsSentAsAFullReplace() {
        String id = e2e.oktaCreate("grace@example.com", "Ada", "Lovelace", "{\"site\":\"Paris\"}");
        e2e.drain();
        e2e.scim("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Replace","path":"name.familyName","value":"Hopper"},
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"grace.hopper@example.com"}]}""")
                .statusCode(200);
        e2e.drain();
        Seat account = account(id);
        assertEquals("Hopper", account.text(SeatField.FAMILY_NAME), "8x8 SCIM PATCH refuses this: it went as a PUT");
        assertEquals("grace.hopper@example.com", account.text(SeatField.EMAIL));
        assertEquals("Paris", account.text(SeatField.SITE));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void aSiteChangeIsATaskWhileEverythingElseKeepsSyncing() {
        String id = e2e.oktaCreate("mover@example.com", "Ada", "Lovelace", "{\"site\":\"London\",\"license\":\"X2\"}");
        e2e.drain();
        e2e.scim("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"%1$s:site","value":"Paris"},
                 {"op":"replace","path":"%1$s:license","value":"X6"}]}""".formatted(PATCHBAY)).statusCode(200);
        e2e.drain();
        Seat account = account(id);
        assertEquals("London", account.text(SeatField.SITE));
        assertEquals("X6", account.text(SeatField.LICENSE));
        assertEquals("needs_action", e2e.state(id));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("immutable_change"))
                .body("items.find { it.kind == 'immutable_change' }.reason",
                        equalTo("8x8 site is immutable: recreate the user at Paris or revert the IdP value to London"));
    }

    @Test
    void withTheRecreateSwitchASiteChangeRecreatesTheUserAndMovesTheLicense() {
        e2e.policy("{\"immutableChanges\":{\"recreate\":true}}");
        EightByEightSandbox.licenses(Map.of("X6", 1));
        String id = e2e.oktaCreate("relocated@example.com", "Ada", "Lovelace", "{\"site\":\"London\",\"license\":\"X6\",\"extension\":\"3003\"}");
        e2e.drain();
        String oldVendorId = e2e.vendorId(id);
        e2e.scim("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"%s:site","value":"Paris"}]}""".formatted(PATCHBAY)).statusCode(200);
        e2e.drain();
        Seat now = account(id);
        assertEquals("Paris", now.text(SeatField.SITE));
        assertEquals("X6", now.text(SeatField.LICENSE), "the only X6 license moved to the new account");
        assertEquals("3003", now.text(SeatField.EXTENSION));
        assertEquals("relocated@example.com", now.text(SeatField.USER_NAME));
        Seat old = sandbox.read(new VendorRef(oldVendorId), new CallContext(connection, Map.of(), "e2e")).orElseThrow();
        assertFalse(old.active());
        assertFalse(old.has(SeatField.LICENSE));
        assertTrue(old.text(SeatField.USER_NAME).startsWith("retired."));
        assertEquals("provisioned", e2e.state(id));
    }

    @Test
    void anExhaustedLicensePoolIsATaskResolvedOnceALicenseIsFree() {
        EightByEightSandbox.licenses(Map.of("X6", 0));
        String id = e2e.oktaCreate("pool@example.com", "Ada", "Lovelace", "{\"site\":\"London\",\"license\":\"X6\",\"directoryVisible\":true}");
        e2e.drain();
        Seat account = account(id);
        assertFalse(account.has(SeatField.LICENSE));
        assertEquals(Boolean.TRUE.toString(), String.valueOf(account.get(SeatField.DIRECTORY_VISIBLE)),
                "the other follow-ups went on");
        assertEquals("needs_action", e2e.state(id));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("license_unavailable"));

        EightByEightSandbox.licenses(Map.of("X6", 2));
        queue.enqueueUsersWithOpenTasks();
        e2e.settle();
        assertEquals("X6", account(id).text(SeatField.LICENSE));
        assertEquals("provisioned", e2e.state(id));
        admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'license_unavailable' }.status", equalTo("verified"));
    }

    @Test
    void deactivationFreesTheLicenseAndAsksForAPartialCancellation() {
        e2e.policy("""
                {"offboarding":{"removeLicense":true},"prices":{"currency":"USD","licenses":{"X4":44}}}""");
        String id = e2e.oktaCreate("leaver@example.com", "Ada", "Lovelace", "{\"site\":\"London\",\"license\":\"X4\"}");
        e2e.drain();
        e2e.scim("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""")
                .statusCode(200);
        e2e.drain();
        Seat account = account(id);
        assertFalse(account.active());
        assertFalse(account.has(SeatField.LICENSE));
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'billing_cancellation' }.monthlyCost", equalTo(44.0f));
    }

    @Test
    void deleteGoesThroughTheAdminApiOnlyWhenThePolicyAllows() {
        String kept = e2e.oktaCreate("kept@example.com", "Ada", "Lovelace", "{\"site\":\"London\"}");
        e2e.drain();
        String vendorId = e2e.vendorId(kept);
        e2e.scim("DELETE", "/Users/" + kept, null).statusCode(204);
        e2e.drain();
        Seat deactivated = sandbox.read(new VendorRef(vendorId), new CallContext(connection, Map.of(), "e2e")).orElseThrow();
        assertFalse(deactivated.active(), "by default an IdP delete only deactivates");

        e2e.policy("{\"offboarding\":{\"onDelete\":\"delete\"}}");
        String gone = e2e.oktaCreate("gone@example.com", "Ada", "Lovelace", "{\"site\":\"London\",\"license\":\"X4\"}");
        e2e.drain();
        String goneVendorId = e2e.vendorId(gone);
        putInRingGroup(goneVendorId);
        e2e.scim("DELETE", "/Users/" + gone, null).statusCode(204);
        e2e.drain();
        Seat waiting = sandbox.read(new VendorRef(goneVendorId), new CallContext(connection, Map.of(), "e2e")).orElseThrow();
        assertFalse(waiting.active(), "deactivated");
        assertFalse(waiting.has(SeatField.LICENSE), "license removed before the delete");
        String export = admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks")
                .then().body("items.kind", hasItem("export_voicemails"))
                .extract().path("items.find { it.kind == 'export_voicemails' }.id");
        admin().body("{\"closedBy\":\"it@example.com\"}").post("/admin/v1/tasks/{id}/complete", export).then().statusCode(200);
        e2e.settle();
        assertTrue(sandbox.read(new VendorRef(goneVendorId), new CallContext(connection, Map.of(), "e2e")).isEmpty(),
                "deleted through the Admin API once the voicemails were exported");
        java.util.List<String> operations = EightByEightSandbox.state().getList(
                "operations.findAll { it.resourceId == '" + goneVendorId + "' }.operationType");
        assertEquals("DELETE", operations.get(operations.size() - 1));
        assertEquals("UPDATE", operations.get(operations.size() - 2), "ring groups were cleared before the delete");
    }

    @Test
    void missingSettingsAreRefusedOnSaveWithEachOneNamed() {
        String bare = uniqueConnectionId("bare-8x8");
        admin().body(Map.of("id", bare, "vendor", "eightbyeight", "displayName", "No settings",
                        "settings", Map.of("scimBaseUrl", EightByEightSandbox.settings().get("scimBaseUrl"))))
                .post("/admin/v1/connections").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("settings.scimToken",
                        "settings.adminBaseUrl", "settings.apiKey"))
                .body("violations.find { it.field == 'settings.apiKey' }.message",
                        org.hamcrest.Matchers.containsString("is required: 8x8 Admin API key"));
        admin().get("/admin/v1/connections/{id}", bare).then().statusCode(404);
    }

    /** What an 8x8 admin does in the console: puts the user in a ring group (Patchbay does not manage them). */
    private static void putInRingGroup(String userId) {
        String users = EightByEightSandbox.base() + "/admin-provisioning/users/" + userId;
        io.restassured.path.json.JsonPath user = given().header("x-api-key", "eght_sandbox_api_key")
                .accept("application/vnd.users.v1+json").get(users).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new java.util.HashMap<>(user.getMap("$"));
        body.put("assignmentInfo", Map.of("ringGroups", java.util.List.of(Map.of("id", "rg-sales", "name", "Sales"))));
        given().header("x-api-key", "eght_sandbox_api_key").contentType("application/vnd.users.v1+json")
                .body(body).put(users).then().statusCode(202);
    }

    @Test
    void withFaultsTheFinalStateIsRightAndNothingIsDuplicated() {
        given().contentType("application/json").body("{\"timeoutMs\":3000}")
                .put(EightByEightSandbox.base() + "/_control/settings").then().statusCode(200);
        EightByEightSandbox.fault("{\"type\":\"timeout\",\"count\":1,\"api\":\"admin\"}");
        EightByEightSandbox.fault("{\"type\":\"status\",\"status\":503,\"count\":1,\"api\":\"scim\"}");
        EightByEightSandbox.fault("{\"type\":\"status\",\"status\":429,\"count\":1,\"retryAfterSeconds\":1,\"api\":\"admin\"}");
        EightByEightSandbox.fault("{\"type\":\"operationFailure\",\"count\":1,\"message\":\"downstream glitch\"}");
        String id = e2e.oktaCreate("faulty@example.com", "Ada", "Lovelace",
                "{\"site\":\"London\",\"license\":\"X4\",\"directoryVisible\":true,\"extension\":\"2002\"}");
        e2e.settle();
        // A FAILED operation without a validation error is retried, not dead-lettered.
        admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        Seat account = account(id);
        assertEquals("X4", account.text(SeatField.LICENSE));
        assertEquals("2002", account.text(SeatField.EXTENSION));
        assertEquals("provisioned", e2e.state(id));
        long sameName = EightByEightSandbox.state().getList("users.findAll { it.basicInfo.userName == 'faulty@example.com' }")
                .size();
        assertEquals(1, sameName, "one account, however often the calls were retried");
    }
}
