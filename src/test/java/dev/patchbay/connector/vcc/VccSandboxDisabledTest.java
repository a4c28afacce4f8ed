package dev.patchbay.connector.vcc;

import static io.restassured.RestAssured.given;

import dev.patchbay.sandbox.kit.SandboxDisabled;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With {@code patchbay.sandbox.enabled=false} the VCC simulator is not there at all. */
@QuarkusTest
@TestProfile(SandboxDisabled.class)
class VccSandboxDisabledTest {

    @Test
    void everyVccSandboxEndpointIs404() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", VccSandbox.CLIENT)
                .formParam("client_secret", VccSandbox.SECRET).formParam("scope", "users:read")
                .post("/sandbox/vcc/Auth/connect/token").then().statusCode(404);
        given().accept(VccSandbox.MEDIA_TYPE).get("/sandbox/vcc/useradmin/users").then().statusCode(404);
        given().post("/sandbox/vcc/_control/reset").then().statusCode(404);
    }
}
