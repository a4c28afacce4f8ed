package dev.patchbay.admin;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobWorker;
import dev.patchbay.provisioning.FakeVendor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API takes a userName wherever it asks for a user, names the user in timelines, tries a proposed
 * policy on every user (impact), and its audit log names each action for what it is.
 */
@QuarkusTest
class UserNamesAndActionsTest {

    private static final String EU = "{\"mappings\":[{\"to\":\"telephonyRegion\",\"default\":\"EU\"}]}";

    @Inject
    FakeVendor fake;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    FollowUpTasks tasks;

    private String connection;
    private String ada;
    private EndToEnd e2e;

    @BeforeEach
    void adaIsProvisioned() {
        fake.reset();
        connection = createConnection(uniqueConnectionId("names"), "fake");
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        ada = e2e.oktaCreate("ada@example.com", "Ada", "Lovelace", "{\"license\":\"CX 4\"}");
        e2e.drain();
    }

    @Test
    void aUserNameIsTakenWhereverAUserIdIs() {
        for (String user : List.of("ada@example.com", "ADA@Example.com", ada)) {
            admin().body(Map.of("userId", user)).post("/admin/v1/connections/{c}/policy/dry-run", connection).then()
                    .statusCode(200).body("desired.fields.user_name", equalTo("ada@example.com"));
            admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, user).then().statusCode(200)
                    .body("userId", equalTo(ada)).body("userName", equalTo("ada@example.com"));
            admin().get("/admin/v1/connections/{c}/users/{u}/jobs/dead", connection, user).then().statusCode(200)
                    .body("items", hasSize(0));
        }
        admin().post("/admin/v1/connections/{c}/users/{u}/sync", connection, "ada@example.com").then().statusCode(202);
        e2e.drain();
    }

    @Test
    void anUnknownUserNameIsRefusedAndChangesNothing() {
        admin().body(Map.of("userId", "nobody@example.com")).post("/admin/v1/connections/{c}/policy/dry-run", connection)
                .then().statusCode(400).body("violations[0].field", equalTo("userId"));
        admin().body(Map.of("userId", "")).post("/admin/v1/connections/{c}/policy/dry-run", connection)
                .then().statusCode(400);
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, "nobody@example.com").then()
                .statusCode(404);
        admin().get("/admin/v1/connections/{c}/users/{u}/jobs/dead", connection, "nobody@example.com").then()
                .statusCode(404);
        admin().post("/admin/v1/connections/{c}/users/{u}/sync", connection, "nobody@example.com").then()
                .statusCode(404);
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, UUID.randomUUID()).then()
                .statusCode(404);
        admin().get("/admin/v1/connections/{c}/progress", connection).then().body("remaining", equalTo(0));
    }

    @Test
    void theImpactOfAProposedPolicyNamesEachUserAndFieldItChangesAndSavesNothing() {
        e2e.oktaCreate("bob@example.com", "Bob", "Byte", "{\"license\":\"CX 4\"}");
        e2e.drain();
        int version = admin().get("/admin/v1/connections/{c}/policy", connection).then().extract().path("version");
        JsonPath impact = admin().body("{\"policy\":" + EU + "}")
                .post("/admin/v1/connections/{c}/policy/impact", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, impact.getInt("checked"));
        assertEquals(true, impact.getBoolean("complete"));
        assertEquals(List.of("ada@example.com", "bob@example.com"), impact.getList("changed.userName"));
        assertEquals(List.of(Map.of("field", "telephony_region", "current", "", "proposed", "EU")),
                impact.getList("changed[0].changes"));
        assertEquals(1, impact.getList("changed[0].steps").size());

        JsonPath first = admin().body("{\"policy\":" + EU + ",\"limit\":1}")
                .post("/admin/v1/connections/{c}/policy/impact", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, first.getInt("checked"));
        assertEquals(false, first.getBoolean("complete"));

        admin().body("{\"policy\":{}}").post("/admin/v1/connections/{c}/policy/impact", connection).then()
                .statusCode(200).body("changed", hasSize(0));
        admin().body("{\"policy\":" + EU + ",\"limit\":0}").post("/admin/v1/connections/{c}/policy/impact", connection)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        admin().body("{}").post("/admin/v1/connections/{c}/policy/impact", connection).then().statusCode(400)
                .body("violations[0].field", equalTo("policy"));
        admin().body("{\"policy\":{\"mappings\":[{\"from\":\"title\",\"to\":\"shoeSize\"}]}}")
                .post("/admin/v1/connections/{c}/policy/impact", connection).then().statusCode(400)
                .body("error", equalTo("invalid_policy")).body("violations.field", hasItem("policy.mappings[0].to"));
        admin().body("{\"policy\":" + EU + "}").post("/admin/v1/connections/no-such/policy/impact").then()
                .statusCode(404);
        admin().get("/admin/v1/connections/{c}/policy", connection).then().body("version", equalTo(version));
    }

    @Test
    void theAuditLogNamesEachAdminActionForWhatItIs() {
        admin().body(Map.of("userId", "ada@example.com")).post("/admin/v1/connections/{c}/policy/dry-run", connection)
                .then().statusCode(200);
        admin().body("{\"policy\":" + EU + "}").post("/admin/v1/connections/{c}/policy/impact", connection).then()
                .statusCode(200);
        admin().post("/admin/v1/connections/{c}/users/{u}/sync", connection, ada).then().statusCode(202);
        e2e.drain();
        tasks.raise(new FollowUpTasks.NewTask(connection, UUID.fromString(ada), "billing_cancellation", null,
                "Cancel", null, null, null));
        String task = admin().queryParam("connection", connection).get("/admin/v1/tasks").then()
                .extract().path("items[0].id");
        admin().body(Map.of("note", "done")).post("/admin/v1/tasks/{t}/complete", task).then().statusCode(200);
        admin().post("/admin/v1/connections/{c}/jobs/999999/redrive", connection).then().statusCode(404);

        Map<String, String> types = Map.of("dry-run", "policy", "impact", "policy", "sync", "users",
                "redrive", "jobs");
        types.forEach((operation, type) -> {
            JsonPath entries = admin().get("/admin/v1/audit?connection=" + connection + "&operation=" + operation)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, entries.getList("items").size(), operation);
            assertEquals(type, entries.getString("items[0].resourceType"), operation);
        });
        admin().get("/admin/v1/audit?operation=complete&resourceType=tasks").then().statusCode(200)
                .body("items.resourceId", hasItem(task));
        admin().get("/admin/v1/audit?connection=" + connection + "&operation=create").then().statusCode(200)
                .body("items.path", org.hamcrest.Matchers.not(hasItem(org.hamcrest.Matchers.containsString("dry-run"))));
    }
}
