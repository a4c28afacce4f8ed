package dev.patchbay.connector.vbc;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With the sandbox on, demo-vbc is wired to the VBC simulator and runs the README walkthrough. */
@QuarkusTest
class VbcDemoTest {

    private static final String TOKEN = "test-demo-vbc-token";

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    private void run() {
        for (int i = 0; i < 20 && worker.runOnce("demo-worker") > 0; i++) {
            // provision
        }
    }

    private JsonPath tasks(String user) {
        return admin().queryParam("connection", "demo-vbc").queryParam("user", user).get("/admin/v1/tasks").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theVbcDemoRaisesTheAddUserTaskAndThePortalClosesIt() {
        VbcSandbox.reset();
        admin().get("/admin/v1/connections/demo-vbc").then().statusCode(200).body("vendor", equalTo("vbc"));
        String user = given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.user@example.com",
                 "name":{"givenName":"Demo","familyName":"User"},
                 "emails":[{"type":"work","value":"demo.user@example.com"}]}""")
                .post("/scim/v2/demo-vbc/Users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"VBC Users",
                 "members":[{"value":"%s"}]}""".formatted(user)).post("/scim/v2/demo-vbc/Groups").then()
                .statusCode(201);
        run();
        String reason = tasks(user).getString("items.find { it.kind == 'vbc_add_user' }.reason");
        assertTrue(reason.contains("Demo User <demo.user@example.com>") && reason.contains("Premium line"), reason);

        VbcSandbox.addUser("Demo", "User", "demo.user@example.com", "Premium", "210", "+15551230210");
        QuarkusTransaction.requiringNew().run(queue::enqueueUsersWithOpenTasks);
        run();
        assertEquals("verified", tasks(user).getString("items.find { it.kind == 'vbc_add_user' }.status"));
    }
}
