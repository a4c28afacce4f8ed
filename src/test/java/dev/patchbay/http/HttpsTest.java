package dev.patchbay.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchbay.scim.ScimFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TlsFromPemFiles.class)
class HttpsTest {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Test
    void scimAnswersOverHttpsWithTheConfiguredCertificate() {
        ScimFixture scim = ScimFixture.create("tls");
        trusting().auth().oauth2(scim.token).accept("application/scim+json")
                .get("scim/v2/{c}/ServiceProviderConfig", scim.connection)
                .then().statusCode(200)
                .body("schemas[0]", equalTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
                .header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        assertThrows(SSLException.class, () -> given().baseUri(https.toString()).get("q/health/live"));
    }

    @Test
    void theConsoleCookieIsSecureOverHttpsOnly() {
        trusting().get("console/sign-in").then().statusCode(200)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("Secure"));
        given().get("/console/sign-in").then().statusCode(200)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", not(containsString("Secure")));
    }

    private RequestSpecification trusting() {
        return given().baseUri(https.toString()).config(RestAssuredConfig.config().sslConfig(
                SSLConfig.sslConfig().trustStore(TlsFromPemFiles.TRUST_STORE.toString(), TlsFromPemFiles.STORE_PASSWORD)));
    }
}
