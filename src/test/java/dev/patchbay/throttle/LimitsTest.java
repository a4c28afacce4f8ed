package dev.patchbay.throttle;

import static dev.patchbay.TestApi.ADMIN_TOKEN;
import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SCIM rate limit and the failed-authentication throttle, with tiny limits. */
@QuarkusTest
@TestProfile(LimitsTest.TinyLimits.class)
class LimitsTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "patchbay.scim.rate-limit.requests-per-second", "1",
                    "patchbay.scim.rate-limit.burst", "3",
                    "patchbay.throttle.failed-auth.max-failures", "3",
                    "patchbay.throttle.failed-auth.window", "1h",
                    // Each test speaks from its own address, as a TLS-terminating proxy would report it.
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @Test
    void aConnectionBeyondItsRateGets429WithRetryAfterAndTheWriteChangesNothing() throws Exception {
        String connection = createConnection(uniqueConnectionId("rate"), "fake");
        String token = createToken(connection);
        String other = createConnection(uniqueConnectionId("rate-other"), "fake");
        String otherToken = createToken(other);

        for (int i = 0; i < 3; i++) {
            scim(token, "10.1.0.1").get("/scim/v2/{c}/Users", connection).then().statusCode(200);
        }
        Response limited = scim(token, "10.1.0.1").contentType("application/scim+json")
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"limited@example.com\"}")
                .post("/scim/v2/{c}/Users", connection);
        limited.then().statusCode(429)
                .contentType(containsString("application/scim+json"))
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("429"))
                .body("detail", containsString("Too many requests"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        scim(otherToken, "10.1.0.1").get("/scim/v2/{c}/Users", other).then().statusCode(200);

        Thread.sleep(1100L * retryAfter);
        scim(token, "10.1.0.1").get("/scim/v2/{c}/Users?count=0", connection).then().statusCode(200)
                .body("totalResults", equalTo(0));
    }

    @Test
    void repeatedFailedAuthenticationFromOneSourceIsThrottledBeforeAuthentication() {
        String connection = createConnection(uniqueConnectionId("guess"), "fake");
        String token = createToken(connection);
        for (int i = 0; i < 3; i++) {
            scim("wrong-" + i, "10.2.0.2").get("/scim/v2/{c}/Users", connection).then().statusCode(401);
        }
        Response throttled = scim(token, "10.2.0.2").get("/scim/v2/{c}/Users", connection);
        throttled.then().statusCode(429)
                .body("status", equalTo("429"))
                .body("detail", containsString("failed authentication"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter > 3000 && retryAfter <= 3600, "Retry-After " + retryAfter);

        // The admin API is throttled for that source too, in the admin error format.
        given().header("X-Forwarded-For", "10.2.0.2").auth().oauth2(ADMIN_TOKEN).get("/admin/v1/connections")
                .then().statusCode(429).body("error", equalTo("too_many_requests")).header("Retry-After", retryAfter + "");

        // Other sources are not affected, and successful requests are never counted.
        scim(token, "10.2.0.3").get("/scim/v2/{c}/Users", connection).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "10.2.0.4").auth().oauth2(ADMIN_TOKEN).get("/admin/v1/connections")
                    .then().statusCode(200);
        }
    }

    @Test
    void strictTransportSecurityWhenTheRequestCameOverTls() {
        given().header("X-Forwarded-For", "10.4.0.4").header("X-Forwarded-Proto", "https").auth().oauth2(ADMIN_TOKEN)
                .get("/admin/v1/connections").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000");
        given().header("X-Forwarded-For", "10.4.0.4").auth().oauth2(ADMIN_TOKEN)
                .get("/admin/v1/connections").then().statusCode(200)
                .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void failedAdminAuthenticationCountsToo() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "10.3.0.3").auth().oauth2("nope").get("/admin/v1/connections")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", "10.3.0.3").auth().oauth2("nope").get("/admin/v1/connections")
                .then().statusCode(429);
        String entries = given().header("X-Forwarded-For", "10.3.0.9").auth().oauth2(ADMIN_TOKEN)
                .get("/admin/v1/audit?actor=anonymous&status=401&limit=500").then().statusCode(200)
                .extract().asString();
        assertEquals(3, entries.split("\"10.3.0.3\"", -1).length - 1, "three failures recorded with their source");
    }

    @Test
    void guessingOAuthClientSecretsIsThrottledLikeScimTokens() {
        String connection = createConnection(uniqueConnectionId("oauth-guess"), "fake");
        JsonPath client = admin().body(Map.of()).post("/admin/v1/connections/{c}/oauth-clients", connection)
                .then().statusCode(201).extract().jsonPath();
        String clientId = client.getString("clientId");
        for (int i = 0; i < 3; i++) {
            tokenRequest("10.5.0.5", clientId, "pbcs_guess" + i).then().statusCode(401)
                    .body("error", equalTo("invalid_client"));
        }
        Response throttled = tokenRequest("10.5.0.5", clientId, client.getString("clientSecret"));
        assertEquals(429, throttled.statusCode(), "throttled before the (correct) secret is even checked");
        assertTrue(Long.parseLong(throttled.header("Retry-After")) > 0);
        tokenRequest("10.5.0.6", clientId, client.getString("clientSecret")).then().statusCode(200)
                .body("token_type", equalTo("Bearer"));
    }

    private static Response tokenRequest(String source, String clientId, String secret) {
        return given().header("X-Forwarded-For", source).auth().preemptive().basic(clientId, secret)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    private static RequestSpecification scim(String token, String source) {
        return given().header("X-Forwarded-For", source).auth().oauth2(token).accept("application/scim+json");
    }
}
