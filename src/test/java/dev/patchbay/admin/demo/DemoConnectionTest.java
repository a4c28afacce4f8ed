package dev.patchbay.admin.demo;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With the sandbox on, demo-8x8 and demo-genesys are wired to it and provision end to end (the README walkthrough). */
@QuarkusTest
class DemoConnectionTest {

    @Inject
    JobWorker worker;

    private static String sandbox(String vendor) {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/" + vendor;
    }

    private void provision() {
        for (int i = 0; i < 20 && worker.runOnce("demo-worker") > 0; i++) {
            // provision
        }
    }

    @Test
    void theEightByEightDemoProvisionsIntoTheSandbox() {
        given().post(sandbox("8x8") + "/_control/reset").then().statusCode(204);
        admin().get("/admin/v1/connections/demo-8x8").then().statusCode(200)
                .body("vendor", equalTo("eightbyeight"))
                .body("secretSettings", hasItem("apiKey"));
        admin().get("/admin/v1/connections/demo-8x8/policy").then().body("document.groupRules[0].license", equalTo("X4"));
        given().auth().oauth2("test-demo-token").contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.user@example.com",
                 "name":{"givenName":"Demo","familyName":"User"},"emails":[{"type":"work","value":"demo.user@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User":{"site":"London","license":"X4","extension":"1001"}}""")
                .post("/scim/v2/demo-8x8/Users").then().statusCode(201);
        provision();
        given().get(sandbox("8x8") + "/_control/state").then().statusCode(200)
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.basicInfo.site.name", equalTo("London"))
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.serviceInfo.licenses[0].name", equalTo("X4"))
                .body("users.find { it.basicInfo.userName == 'demo.user@example.com' }.serviceInfo.extensions[0].extensionNumber",
                        equalTo("1001"));
    }

    @Test
    void theGenesysDemoProvisionsAGroupMemberIntoTheSandbox() {
        given().post(sandbox("genesys") + "/_control/reset").then().statusCode(204);
        admin().get("/admin/v1/connections/demo-genesys").then().statusCode(200)
                .body("vendor", equalTo("genesys"))
                .body("secretSettings", hasItem("clientSecret"));
        String user = given().auth().oauth2("test-demo-genesys-token").contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.agent@example.com",
                 "displayName":"Demo Agent","emails":[{"type":"work","value":"demo.agent@example.com"}]}""")
                .post("/scim/v2/demo-genesys/Users").then().statusCode(201).extract().path("id");
        given().auth().oauth2("test-demo-genesys-token").contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support Agents",
                 "members":[{"value":"%s"}]}""".formatted(user))
                .post("/scim/v2/demo-genesys/Groups").then().statusCode(201);
        provision();
        String agent = "users.find { it.email == 'demo.agent@example.com' }";
        given().get(sandbox("genesys") + "/_control/state").then().statusCode(200)
                .body(agent + ".divisionId", equalTo("00000000-0000-4000-8000-000000000002"))
                .body(agent + ".licenses[0]", equalTo("cx1"))
                .body(agent + ".grants[0].role", equalTo("Agent"))
                .body(agent + ".skills[0].name", equalTo("Technical"));
    }
}
