package dev.patchbay.connector.vbc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta- and Entra-style SCIM requests to Patchbay for a VBC connection: VBC's API writes nothing, so each
 * write is a task with the portal steps and the money at stake; the simulated admin portal plays the person,
 * and reading VBC verifies and closes each task (the user is linked once found; a leaver's task stays open
 * until the user is gone and the number released).
 */
@QuarkusTest
class VbcEndToEndTest {

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
        VbcSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("e2e-vbc");
        admin().body(Map.of("id", connection, "vendor", "vbc", "displayName", "VBC sandbox",
                "settings", VbcSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    private JsonPath tasks(String userId) {
        return admin().queryParam("connection", connection).queryParam("user", userId).get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }

    private String task(String userId, String kind, String attribute) {
        return tasks(userId).getString("items.find { it.kind == '" + kind + "' }." + attribute);
    }

    /** The periodic task check (every patchbay.tasks.verify-interval) and the worker, run now. */
    private void verifyTasks() {
        QuarkusTransaction.requiringNew().run(queue::enqueueUsersWithOpenTasks);
        e2e.settle();
    }

    private void patch(String id, String operations) {
        e2e.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    @Test
    void anOktaPushIsATaskWithStepsAndCostThePortalClosesItAndDeprovisioningWaitsForTheNumberRelease() {
        e2e.policy("{\"groupRules\":[]}");
        String id = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", "{\"license\":\"Premium\",\"extension\":\"201\"}");
        e2e.settle();

        assertEquals("In the VBC Admin Portal add Ada Lovelace <ada@example.com> (login name ada@example.com) with a"
                + " Premium line, extension 201, location the main one, and assign a DID: USD 29.99/month for the line",
                task(id, "vbc_add_user", "reason"));
        assertEquals(29.99f, tasks(id).getFloat("items.find { it.kind == 'vbc_add_user' }.monthlyCost"));
        assertEquals("VBC Admin Portal > Users > Add User", task(id, "vbc_add_user", "consolePath"));
        assertEquals("needs_action", e2e.state(id));
        assertEquals(1, VbcSandbox.state().getList("users").size(), "nothing was written to VBC");

        // The admin adds the user in the portal; the task check finds it, closes the task and links the user.
        String vbcId = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_add_user", "status"));
        assertEquals(vbcId, e2e.vendorId(id));
        assertEquals("provisioned", e2e.state(id));
        assertEquals(1, tasks(id).getList("items").size(), "no further task: what the portal shows is what was asked");

        // Okta deactivates the user: one task, the number and extension named, and what it costs until done.
        patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
        e2e.settle();
        String reason = task(id, "vbc_remove_user", "reason");
        assertTrue(reason.startsWith("Delete Ada Lovelace <ada@example.com> in the VBC Admin Portal and release DID"
                + " +15551230001 (extension 201): USD 29.99/month until released"), reason);
        assertEquals("did:+15551230001;extension:201", task(id, "vbc_remove_user", "field"));
        assertEquals("needs_action", e2e.state(id));

        // Deleting the user alone keeps the number billed: the task stays open.
        VbcSandbox.deleteUser(vbcId);
        verifyTasks();
        assertEquals("open", task(id, "vbc_remove_user", "status"));
        assertEquals(List.of("+15551230001"), VbcSandbox.state().getList("numbersWithoutUser"));
        admin().get("/admin/v1/connections/{c}", connection).then().statusCode(200);

        VbcSandbox.releaseNumber("+15551230001");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_remove_user", "status"));
        assertEquals(0, tasks(id).getList("items.findAll { it.status == 'open' }").size());

        // Another sync of the leaver asks nothing again.
        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada L.\"}]");
        e2e.settle();
        assertEquals(1, tasks(id).getList("items.findAll { it.kind == 'vbc_remove_user' }").size());
        assertEquals(0, tasks(id).getList("items.findAll { it.status == 'open' }").size());
    }

    @Test
    void anEntraUserInAGroupGetsALineTaskTheExtensionThePersonPicksStaysAndALineChangeCostsTheDifference() {
        e2e.policy("""
                {"groupRules":[{"group":"VBC Users","precedence":10,"license":"Premium"},
                               {"group":"VBC Power Users","precedence":20,"license":"Advanced"}],
                 "offboarding":{"onDelete":"delete"}}""");
        String id = e2e.scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_00aa00aa@contoso.com","active":"True",
                 "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_00aa00aa@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"Test User","familyName":"User","givenName":"Test"},
                 "roles":[],"title":null,"addresses":null}""").statusCode(201).extract().path("id");
        String users = group("VBC Users", id);
        e2e.settle();
        assertEquals("In the VBC Admin Portal add Test User <Test_User_00aa00aa@contoso.com> (login name"
                + " Test_User_00aa00aa@contoso.com) with a Premium line, extension of your choice, location the main"
                + " one, and assign a DID: USD 29.99/month for the line", task(id, "vbc_add_user", "reason"));

        String vbcId = VbcSandbox.addUser("Test", "User", "Test_User_00aa00aa@contoso.com", "Premium", "305",
                "+15551230305");
        verifyTasks();
        assertEquals(vbcId, e2e.vendorId(id));
        assertEquals("provisioned", e2e.state(id), "the extension the person picked is no change to ask for");

        // Moved to the power users: a line change by hand, priced as the difference.
        String power = group("VBC Power Users", id);
        e2e.settle();
        assertEquals("In the VBC Admin Portal change the license of Test User <Test_User_00aa00aa@contoso.com>"
                + " (extension 305) from Premium to Advanced", task(id, "vbc_change", "reason"));
        assertEquals(10.00f, tasks(id).getFloat("items.find { it.kind == 'vbc_change' }.monthlyCost"), 0.001f);
        assertEquals("license", task(id, "vbc_change", "field"));

        // The person changes the line and completes the task: the next sync does not ask again.
        VbcSandbox.changeLine(vbcId, "Advanced");
        admin().body("{\"closedBy\":\"it@example.com\"}")
                .post("/admin/v1/tasks/{t}/complete", task(id, "vbc_change", "id")).then().statusCode(200);
        patch(id, "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Test User 2\"}]");
        e2e.settle();
        assertEquals(1, tasks(id).getList("items.findAll { it.kind == 'vbc_change' }").size());
        assertEquals("provisioned", e2e.state(id));

        // Entra deletes the user (the policy deletes): the task names the number the portal assigned.
        e2e.scim("DELETE", "/Users/" + id, null).statusCode(204);
        e2e.settle();
        assertEquals("did:+15551230305;extension:305", task(id, "vbc_remove_user", "field"));
        VbcSandbox.deleteUser(vbcId);
        VbcSandbox.releaseNumber("+15551230305");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_remove_user", "status"));
        assertTrue(!users.equals(power));
    }

    @Test
    void theAccountAdministratorRoleWaitsForAnApprovalThenIsATaskOnceTheUserExists() {
        e2e.policy("""
                {"groupRules":[{"group":"VBC Admins","license":"Advanced","roles":["Account Administrator"]}],
                 "approvals":{"roles":["Account Administrator"]}}""");
        String id = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", "{\"extension\":\"220\"}");
        group("VBC Admins", id);
        e2e.settle();
        assertEquals("open", task(id, "role_approval", "status"));
        assertEquals("role:Account Administrator", task(id, "role_approval", "field"));
        assertEquals(39.99f, tasks(id).getFloat("items.find { it.kind == 'vbc_add_user' }.monthlyCost"));

        admin().body("{\"closedBy\":\"it-lead@example.com\"}")
                .post("/admin/v1/tasks/{t}/complete", task(id, "role_approval", "id")).then().statusCode(200);
        VbcSandbox.addUser("Grace", "Hopper", "grace@example.com", "Advanced", "220", "+15551230220");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_add_user", "status"));
        assertEquals("In the VBC Admin Portal change the roles of Grace Hopper <grace@example.com> (extension 220)"
                + " from null to [Account Administrator]", task(id, "vbc_change", "reason"));
        assertEquals("roles", task(id, "vbc_change", "field"));
        assertEquals("needs_action", e2e.state(id));
    }

    private String group(String name, String member) {
        String group = e2e.scim("POST", "/Groups", """
                {"externalId":"%s","displayName":"%s","meta":{"resourceType":"Group"},
                 "schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""".formatted(java.util.UUID.randomUUID(), name))
                .statusCode(201).extract().path("id");
        e2e.scim("PATCH", "/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}""".formatted(member))
                .statusCode(204);
        return group;
    }
}
