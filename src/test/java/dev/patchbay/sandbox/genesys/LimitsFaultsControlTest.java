package dev.patchbay.sandbox.genesys;

import static dev.patchbay.sandbox.genesys.Genesys.API;
import static dev.patchbay.sandbox.genesys.Genesys.api;
import static dev.patchbay.sandbox.genesys.Genesys.createUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limit, injected faults and the control API. */
@QuarkusTest
class LimitsFaultsControlTest {

    private String token;

    @BeforeEach
    void reset() {
        Genesys.SANDBOX.reset();
        token = Genesys.token();
    }

    @Test
    void everyResponseCarriesTheRateLimitHeaders() {
        Response first = api(token).get(API + "/authorization/roles");
        assertEquals("1", first.header("inin-ratelimit-count"));
        assertEquals("300", first.header("inin-ratelimit-allowed"));
        int reset = Integer.parseInt(first.header("inin-ratelimit-reset"));
        assertTrue(reset > 0 && reset <= 60, "reset in seconds: " + reset);
        assertEquals("2", api(token).get(API + "/users/nobody").header("inin-ratelimit-count"), "errors count");
    }

    @Test
    void overTheLimitIs429WithRetryAfterUntilTheMinuteRolls() {
        Genesys.SANDBOX.settings(Map.of("rateLimitPerMinute", 5));
        for (int i = 0; i < 5; i++) {
            api(token).get(API + "/authorization/roles").then().statusCode(200);
        }
        Response refused = api(token).get(API + "/authorization/roles");
        assertEquals(429, refused.statusCode());
        assertEquals("too.many.requests.retry.after", refused.path("code"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60);
        assertEquals("5", refused.header("inin-ratelimit-allowed"));
        // Another token has its own budget.
        api(Genesys.token()).get(API + "/authorization/roles").then().statusCode(200);
        Genesys.SANDBOX.advanceClock(60_000);
        api(token).get(API + "/authorization/roles").then().statusCode(200).header("inin-ratelimit-count", "1");
    }

    @Test
    void statusFaultsAreServedInOrderAndCounted() {
        Genesys.SANDBOX.fault(Map.of("type", "status", "status", 503, "count", 2, "retryAfterSeconds", 7));
        api(token).get(API + "/authorization/roles").then().statusCode(503)
                .header("Retry-After", "7").body("code", equalTo("service.unavailable"));
        api(token).get(API + "/authorization/roles").then().statusCode(503);
        api(token).get(API + "/authorization/roles").then().statusCode(200);
        Genesys.SANDBOX.fault(List.of(Map.of("type", "status", "status", 500, "api", "oauth")));
        api(token).get(API + "/authorization/roles").then().statusCode(200);
        given().auth().preemptive().basic(Genesys.CLIENT_ID, Genesys.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(Genesys.TOKEN).then().statusCode(500);
    }

    @Test
    void latencyAndTimeoutFaults() {
        Genesys.SANDBOX.settings(Map.of("timeoutMs", 300));
        Genesys.SANDBOX.fault(List.of(Map.of("type", "latency", "millis", 300), Map.of("type", "timeout")));
        long start = System.nanoTime();
        api(token).get(API + "/authorization/roles").then().statusCode(200);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 290);
        start = System.nanoTime();
        api(token).get(API + "/authorization/roles").then().statusCode(504);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 290);
        given().contentType("application/json").body("{\"type\":\"bogus\"}").post(Genesys.CONTROL + "/faults")
                .then().statusCode(400).body("code", equalTo("bad.request"));
    }

    @Test
    void stateShowsUsersAndResetClearsEverything() {
        String id = createUser(token, "Jane", "jane@example.com");
        given().get(Genesys.CONTROL + "/state").then().statusCode(200)
                .body("users", hasSize(1)).body("users[0].id", equalTo(id)).body("users[0].version", equalTo(1))
                .body("users[0].state", equalTo("active")).body("users[0].divisionId", equalTo(Genesys.HOME))
                .body("settings.rateLimitPerMinute", equalTo(300)).body("licenseIds", hasSize(4));
        Genesys.SANDBOX.reset();
        given().get(Genesys.CONTROL + "/state").then().body("users", hasSize(0));
        api(token).get(API + "/authorization/roles").then().statusCode(401);
    }
}
