package dev.patchbay.sandbox.eightbyeight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.patchbay.sandbox.kit.SandboxDisabled;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With {@code patchbay.sandbox.enabled=false} the simulator is not there at all. */
@QuarkusTest
@TestProfile(SandboxDisabled.class)
class SandboxDisabledTest {

    @Test
    void everySandboxEndpointIs404() {
        // Patchbay's own 404, as for any path that does not exist.
        given().auth().oauth2(EightByEight.SCIM_TOKEN).get(EightByEight.SCIM_USERS).then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", equalTo("No resource at " + EightByEight.SCIM_USERS));
        EightByEight.admin().get(EightByEight.ADMIN + "/sites").then().statusCode(404);
        EightByEight.admin().contentType(EightByEight.USERS_TYPE).body("{}").post(EightByEight.ADMIN + "/users")
                .then().statusCode(404);
        given().post(EightByEight.CONTROL + "/reset").then().statusCode(404);
        given().get(EightByEight.CONTROL + "/state").then().statusCode(404);
    }
}
