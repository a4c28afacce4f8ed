package dev.patchbay.admin;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.patchbay.followup.FollowUpTasks;
import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /admin/v1/connections/{id}/users: search, state filter, keyset paging, and names in tasks and dead letters. */
@QuarkusTest
class UserListingTest {

    @Inject
    JobWorker worker;

    @Inject
    FollowUpTasks tasks;

    /** Leaves no due job behind for the next test class that counts vendor calls. */
    @org.junit.jupiter.api.AfterEach
    void drain() {
        for (int i = 0; i < 100 && worker.runOnce("listing") > 0; i++) {
            // keep going
        }
    }

    private static String push(String connection, String token, String userName, String externalId) {
        return given().auth().oauth2(token).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",
                 "name":{"givenName":"A","familyName":"B"},"emails":[{"type":"work","value":"%s"}]}"""
                        .formatted(userName, externalId, userName.replace("@", ".mail@")))
                .post("/scim/v2/{c}/Users", connection).then().statusCode(201).extract().path("id");
    }

    @Test
    void findsUsersByNameEmailAndExternalIdWithTheirState() {
        String connection = createConnection(uniqueConnectionId("users"), "fake");
        String token = createToken(connection);
        String ada = push(connection, token, "ada@example.com", "ext-ada");
        push(connection, token, "bob@example.com", "ext-bob");
        tasks.raise(new FollowUpTasks.NewTask(connection, UUID.fromString(ada), "billing_cancellation", null,
                "Cancel the seat", "Admin > Billing", new BigDecimal("42.00"), "USD"));

        admin().get("/admin/v1/connections/{c}/users", connection).then().statusCode(200)
                .body("items.userName", contains("ada@example.com", "bob@example.com"))
                .body("items[0].state", equalTo("pending"))
                .body("items[0].openTasks", equalTo(1))
                .body("items[1].openTasks", equalTo(0))
                .body("nextCursor", nullValue());
        admin().queryParam("q", "ADA").get("/admin/v1/connections/{c}/users", connection).then().statusCode(200)
                .body("items.userName", contains("ada@example.com"));
        admin().queryParam("q", "bob.mail@example.com").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(200).body("items.userName", contains("bob@example.com"));
        admin().queryParam("q", "ext-ada").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(200).body("items.id", contains(ada));
        admin().queryParam("q", "%").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(200).body("items", hasSize(0));

        while (worker.runOnce("listing") > 0) {
            // provision both
        }
        admin().queryParam("state", "provisioned").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(200).body("items.userName", org.hamcrest.Matchers.hasItem("bob@example.com"))
                .body("items[0].vendorId", org.hamcrest.Matchers.notNullValue());
        admin().queryParam("state", "failed").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(200).body("items", hasSize(0));
        admin().queryParam("user", ada).get("/admin/v1/tasks").then().statusCode(200)
                .body("items[0].userName", equalTo("ada@example.com"));
    }

    @Test
    void pagesWithACursorUntilTheLastUser() {
        String connection = createConnection(uniqueConnectionId("pages"), "fake");
        String token = createToken(connection);
        for (int i = 0; i < 5; i++) {
            push(connection, token, "user" + i + "@example.com", "e" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin().queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/admin/v1/connections/{c}/users", connection).then().statusCode(200).extract();
            seen.addAll(page.path("items.userName"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("user0@example.com", "user1@example.com",
                "user2@example.com", "user3@example.com", "user4@example.com"), seen);
    }

    @Test
    void neverShowsAnotherConnectionsUsers() {
        String mine = createConnection(uniqueConnectionId("mine"), "fake");
        String theirs = createConnection(uniqueConnectionId("theirs"), "fake");
        push(theirs, createToken(theirs), "secret@example.com", "ext-secret");
        admin().get("/admin/v1/connections/{c}/users", mine).then().statusCode(200).body("items", hasSize(0));
        admin().queryParam("q", "secret@example.com").get("/admin/v1/connections/{c}/users", mine)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Inject
    dev.patchbay.provisioning.FakeVendor vendor;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void deadLettersNameTheirUser() {
        String connection = createConnection(uniqueConnectionId("deadname"), "fake");
        String id = push(connection, createToken(connection), "gone@example.com", "ext-gone");
        vendor.failNext("gone@example.com",
                () -> new dev.patchbay.connector.ConnectorException.Rejected("License pool exhausted"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set next_attempt_at = now() - interval '1 second'"
                        + " where state = 'pending' and user_id = cast(:u as uuid)")
                .setParameter("u", id).executeUpdate());
        worker.runNow(connection, UUID.fromString(id));
        admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].userId", equalTo(id))
                .body("items[0].userName", equalTo("gone@example.com"));
        vendor.reset();
    }

    @Test
    void badInputIsRefused() {
        String connection = createConnection(uniqueConnectionId("bad"), "fake");
        admin().get("/admin/v1/connections/no-such-connection/users").then().statusCode(404);
        admin().queryParam("state", "sleeping").get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(400).body("violations[0].field", equalTo("state"));
        admin().queryParam("size", "0").get("/admin/v1/connections/{c}/users", connection).then().statusCode(400);
        admin().queryParam("size", "201").get("/admin/v1/connections/{c}/users", connection).then().statusCode(400);
        admin().queryParam("size", "many").get("/admin/v1/connections/{c}/users", connection).then().statusCode(400);
        admin().queryParam("cursor", "!!!").get("/admin/v1/connections/{c}/users", connection).then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        admin().queryParam("q", "x".repeat(300)).get("/admin/v1/connections/{c}/users", connection)
                .then().statusCode(400);
        given().get("/admin/v1/connections/{c}/users", connection).then().statusCode(401);
    }
}
