package dev.patchbay.sandbox.genesys;

import static io.restassured.RestAssured.given;

import dev.patchbay.sandbox.kit.SandboxDisabled;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With {@code patchbay.sandbox.enabled=false} the Genesys simulator is not there at all. */
@QuarkusTest
@TestProfile(SandboxDisabled.class)
class SandboxDisabledTest {

    @Test
    void everySandboxEndpointIs404() {
        given().auth().preemptive().basic(Genesys.CLIENT_ID, Genesys.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(Genesys.TOKEN).then().statusCode(404);
        given().auth().oauth2("x").get(Genesys.API + "/authorization/roles").then().statusCode(404);
        given().post(Genesys.CONTROL + "/reset").then().statusCode(404);
        given().get(Genesys.CONTROL + "/state").then().statusCode(404);
    }
}
