package dev.patchbay.sandbox.five9;

import static io.restassured.RestAssured.given;

import dev.patchbay.sandbox.kit.SandboxDisabled;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With {@code patchbay.sandbox.enabled=false} the Five9 simulator is not there at all. */
@QuarkusTest
@TestProfile(SandboxDisabled.class)
class SandboxDisabledTest {

    @Test
    void everySandboxEndpointIs404() {
        Five9.post(Five9.ADMIN, Five9.PASSWORD, SoapRequest.of("getSkills")).then().statusCode(404);
        given().auth().preemptive().basic(Five9.ADMIN, Five9.PASSWORD).get(Five9.ENDPOINT + "?wsdl").then()
                .statusCode(404);
        given().post(Five9.SANDBOX.path("reset")).then().statusCode(404);
        given().get(Five9.SANDBOX.path("state")).then().statusCode(404);
    }
}
