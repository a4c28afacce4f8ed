package dev.patchbay.connector.five9;

import static dev.patchbay.TestApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.job.JobWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the sandbox on, demo-five9 is wired to the Five9 simulator and provisions the README walkthrough. */
@QuarkusTest
class Five9DemoTest {

    private static final String TOKEN = "test-demo-five9-token";

    @Inject
    JobWorker worker;

    @Test
    void theFive9DemoProvisionsAnAgentIntoTheSimulator() {
        Five9Sandbox.reset();
        admin().get("/admin/v1/connections/demo-five9").then().statusCode(200).body("vendor", equalTo("five9"));
        String user = given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.agent@example.com",
                 "name":{"givenName":"Demo","familyName":"Agent"},
                 "emails":[{"type":"work","value":"demo.agent@example.com"}]}""")
                .post("/scim/v2/demo-five9/Users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Five9 Agents",
                 "members":[{"value":"%s"}]}""".formatted(user)).post("/scim/v2/demo-five9/Groups").then()
                .statusCode(201);
        for (int i = 0; i < 20 && worker.runOnce("demo-worker") > 0; i++) {
            // provision
        }
        JsonPath state = Five9Sandbox.state();
        String agent = "users.find { it.userName == 'demo.agent@example.com' }";
        assertEquals(List.of("Agent"), List.copyOf(state.getMap(agent + ".roles").keySet()));
        assertEquals(Map.of("Support", 3, "Billing", 5), state.getMap(agent + ".skills"));
        assertEquals(List.of("demo.agent@example.com"),
                state.getList("agentGroups.find { it.name == 'Tier 1' }.members"));
    }
}
