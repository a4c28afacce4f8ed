package dev.patchbay.connector.vbc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A VBC connection that names a SCIM endpoint: identity goes through it (create, rename, deactivate,
 * delete) and only the line, extension and number stay portal tasks, each verified by reading VBC.
 */
@QuarkusTest
class VbcScimEndToEndTest {

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    @Inject
    dev.patchbay.followup.TaskMetrics taskMetrics;

    private String connection;
    private EndToEnd e2e;

    @BeforeEach
    void connection() {
        VbcSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("e2e-vbc-scim");
        admin().body(Map.of("id", connection, "vendor", "vbc", "displayName", "VBC with SCIM",
                "settings", VbcSandbox.scimSettings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    private JsonPath tasks(String userId) {
        return admin().queryParam("connection", connection).queryParam("user", userId).get("/admin/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }

    private String task(String userId, String kind, String attribute) {
        return tasks(userId).getString("items.find { it.kind == '" + kind + "' }." + attribute);
    }

    private void verifyTasks() {
        QuarkusTransaction.requiringNew().run(queue::enqueueUsersWithOpenTasks);
        e2e.settle();
    }

    private void patch(String id, String operations) {
        e2e.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").statusCode(200);
    }

    private static Map<String, Object> vbcUser(String vbcId) {
        List<Map<String, Object>> users = VbcSandbox.state().getList("users");
        return users.stream().filter(user -> vbcId.equals(String.valueOf(user.get("id")))).findFirst().orElse(null);
    }

    @Test
    void identityGoesThroughScimAndTheLineAndNumberAreTasksVerifiedByReading() {
        e2e.policy("{\"groupRules\":[],\"offboarding\":{\"onDelete\":\"delete\"}}");
        String id = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", "{\"license\":\"Premium\"}");
        e2e.settle();

        // SCIM created the user, without a line: the line is the portal task, priced.
        String vbcId = e2e.vendorId(id);
        Map<String, Object> created = vbcUser(vbcId);
        assertEquals("Ada", created.get("first_name"));
        assertEquals("ada@example.com", created.get("login_name"));
        assertEquals(true, created.get("active"));
        assertNull(created.get("lineType"));
        assertEquals("In the VBC Admin Portal give Ada Lovelace <ada@example.com> a Premium line with extension of"
                + " your choice at location the main one, and assign a DID: USD 29.99/month for the line",
                task(id, "vbc_add_line", "reason"));
        assertEquals(29.99f, tasks(id).getFloat("items.find { it.kind == 'vbc_add_line' }.monthlyCost"));
        assertEquals(1, tasks(id).getList("items").size(), "identity needed no task");
        taskMetrics.refresh();
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("patchbay_tasks_open{connection=\"" + connection + "\",kind=\"vbc_add_line\"} 1.0"))
                .body(containsString("patchbay_tasks_open_monthly_cost{connection=\"" + connection
                        + "\",kind=\"vbc_add_line\"} 29.99"));
        assertEquals("needs_action", e2e.state(id));

        VbcSandbox.giveLine(vbcId, "Premium", "201", "+15551230001");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_add_line", "status"));
        assertEquals("provisioned", e2e.state(id));
        JsonPath applied = admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Premium", applied.getString("account.applied.fields.LICENSE"), "the line the person gave");
        assertEquals("201", applied.getString("account.applied.fields.EXTENSION"), "read back from VBC");

        // A rename is a SCIM write, no task.
        patch(id, "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Augusta\"}]");
        e2e.settle();
        assertEquals("Augusta", vbcUser(vbcId).get("first_name"));
        assertEquals(1, tasks(id).getList("items").size(), () -> tasks(id).prettify());

        // Deactivated through SCIM; the line and number stay billed until a person frees them.
        patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
        e2e.settle();
        assertEquals(false, vbcUser(vbcId).get("active"));
        assertEquals("did:+15551230001;extension:201", task(id, "vbc_release_line", "field"));
        assertTrue(task(id, "vbc_release_line", "reason").contains("remove the user's extension 201 and release DID"
                + " +15551230001: USD 29.99/month until released"), task(id, "vbc_release_line", "reason"));

        VbcSandbox.removeLine(vbcId);
        verifyTasks();
        assertEquals("open", task(id, "vbc_release_line", "status"), "the number is still on the account");
        VbcSandbox.releaseNumber("+15551230001");
        verifyTasks();
        assertEquals("verified", task(id, "vbc_release_line", "status"));
        assertEquals(0, tasks(id).getList("items.findAll { it.status == 'open' }").size());

        // The IdP deletes the user: a SCIM delete, nothing left to ask.
        e2e.scim("DELETE", "/Users/" + id, null).statusCode(204);
        e2e.settle();
        assertNull(vbcUser(vbcId), "the user is gone from VBC");
        assertEquals(0, tasks(id).getList("items.findAll { it.status == 'open' }").size());
    }

    @Test
    void theDryRunAndTheVendorPlanFollowTheConnectionsSettings() {
        String id = e2e.oktaCreate("grace@example.com", "Grace", "Hopper", "{\"license\":\"Advanced\"}");
        JsonPath plan = admin().body("{\"userId\":\"" + id + "\"}")
                .post("/admin/v1/connections/{c}/policy/dry-run", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("create", "task"), plan.getList("steps.type"));
        assertEquals("vbc_add_line", plan.getString("steps[1].kind"));

        // The same user on a connection without SCIM: the whole user is one task.
        String readOnly = uniqueConnectionId("e2e-vbc-read-only");
        admin().body(Map.of("id", readOnly, "vendor", "vbc", "displayName", "VBC read-only",
                "settings", VbcSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        EndToEnd other = new EndToEnd(worker, entityManager, readOnly, createToken(readOnly));
        String otherId = other.oktaCreate("grace@example.com", "Grace", "Hopper", "{\"license\":\"Advanced\"}");
        assertEquals(List.of("createbyhand"), admin().body("{\"userId\":\"" + otherId + "\"}")
                .post("/admin/v1/connections/{c}/policy/dry-run", readOnly).then().statusCode(200)
                .extract().jsonPath().getList("steps.type"));
    }

    @Test
    void aScimEndpointWithoutItsTokenOrAWrongTokenIsRefusedClearly() {
        Map<String, Object> settings = new HashMap<>(VbcSandbox.scimSettings());
        settings.remove("scimToken");
        admin().body(Map.of("id", uniqueConnectionId("vbc-scim-bad"), "vendor", "vbc", "displayName", "bad",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(400)
                .body(containsString("scimToken"));

        // A wrong token: the create is refused as bad credentials, nothing is created in VBC.
        settings.put("scimToken", "not-the-token");
        String wrong = uniqueConnectionId("vbc-scim-wrong");
        admin().body(Map.of("id", wrong, "vendor", "vbc", "displayName", "wrong token", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        EndToEnd refused = new EndToEnd(worker, entityManager, wrong, createToken(wrong));
        String id = refused.oktaCreate("alan@example.com", "Alan", "Turing", "{\"license\":\"Mobile\"}");
        refused.settle();
        assertEquals(1, VbcSandbox.state().getList("users").size(), "only the integration user");
        assertTrue(List.of("pending", "failed", "needs_action").contains(refused.state(id)), refused.state(id));
    }
}
