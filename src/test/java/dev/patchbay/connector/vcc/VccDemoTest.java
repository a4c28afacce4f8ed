package dev.patchbay.connector.vcc;

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

/** With the sandbox on, demo-vcc is wired to the VCC simulator and provisions the README walkthrough. */
@QuarkusTest
class VccDemoTest {

    private static final String TOKEN = "test-demo-vcc-token";

    @Inject
    JobWorker worker;

    @Test
    void theVccDemoProvisionsAnAgentIntoTheSimulator() {
        VccSandbox.reset();
        admin().get("/admin/v1/connections/demo-vcc").then().statusCode(200).body("vendor", equalTo("vcc"));
        String user = given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"demo.agent@example.com",
                 "name":{"givenName":"Demo","familyName":"Agent"},"displayName":"Demo Agent",
                 "emails":[{"type":"work","value":"demo.agent@example.com"}]}""")
                .post("/scim/v2/demo-vcc/Users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKEN).contentType("application/scim+json").body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"VCC Agents",
                 "members":[{"value":"%s"}]}""".formatted(user)).post("/scim/v2/demo-vcc/Groups").then()
                .statusCode(201);
        for (int i = 0; i < 20 && worker.runOnce("demo-worker") > 0; i++) {
            // provision
        }
        JsonPath state = VccSandbox.state();
        String agent = VccSandbox.user("demo_agent_example_com");
        assertEquals("Agent", state.getString(agent + ".userAccountConfiguration.role"));
        assertEquals(Map.of("Billing", 5, "Technical", 3), state.getMap(agent + ".skills"));
        assertEquals(List.of("Tier 1"), state.getList(agent + ".groups"));
        assertEquals(VccSandbox.UK, state.getString(agent
                + ".userAccountConfiguration.agentConfiguration.telephonyAddress.outboundTelephonyRegion"));
    }
}
