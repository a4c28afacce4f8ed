package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With the sandbox on, demo-8x8 is wired to it and provisions a user end to end (the README walkthrough). */
@QuarkusTest
class DemoConnectionTest {

    @Inject
    JobWorker worker;

    @Test
    void theDemoConnectionProvisionsIntoTheSandbox() {
        EightByEightSandbox.reset();
        admin().get("/admin/v1/connections/demo-8x8").then().statusCode(200)
                .body("vendor", equalTo("eightbyeight"))
                .body("secretSettings", hasItem("apiKey"));
        admin().get("/admin/v1/connections/demo-8x8/policy").then().body("document.groupRules[0].license", equalTo("X4"));
        given().auth().oauth2("test-demo-token").contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.user@example.com",
                 "name":{"givenName":"Demo","familyName":"User"},"emails":[{"type":"work","value":"demo.user@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User":{"site":"London","license":"X4","extension":"1001"}}""")
                .post("/scim/v2/demo-8x8/Users").then().statusCode(201);
        for (int i = 0; i < 20 && worker.runOnce("demo-worker") > 0; i++) {
            // provision
        }
        given().get(EightByEightSandbox.base() + "/_control/state").then().statusCode(200)
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.basicInfo.site.name", equalTo("London"))
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.serviceInfo.licenses[0].name", equalTo("X4"))
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.serviceInfo.extensions[0].extensionNumber",
                        equalTo("1001"));
    }
}
