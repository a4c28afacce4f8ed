package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_USERS;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminWrite;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.submitCreate;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 8x8's Admin API limits: 100 requests a minute, bursts of 20 per 10 s, 10 operations in flight. */
@QuarkusTest
class RateLimitTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void everyResponseCarriesTheRateLimitHeaders() {
        Response first = admin().get(ADMIN + "/sites");
        assertEquals("100", first.header("x-ratelimit-limit"));
        assertEquals("99", first.header("x-ratelimit-remaining"), "the minute's, as the limit is");
        long reset = Long.parseLong(first.header("x-ratelimit-reset"));
        long now = Instant.parse(get(EightByEight.CONTROL + "/state").path("now"))
                .getEpochSecond();
        assertTrue(reset > now + 50 && reset <= now + 61, "the minute window opened with this request: " + reset
                + " vs " + now);
        assertEquals("98", admin().get(ADMIN + "/users/nobody").header("x-ratelimit-remaining"));
        assertEquals("97", adminWrite(adminUser("x", "London")).post(ADMIN + "/users")
                .header("x-ratelimit-remaining"), "errors count too");
    }

    @Test
    void aBurstOverTwentyIs429UntilTheWindowRolls() {
        for (int i = 0; i < 20; i++) {
            admin().get(ADMIN + "/sites").then().statusCode(200);
        }
        Response refused = admin().get(ADMIN + "/sites");
        long now = Instant.parse(get(EightByEight.CONTROL + "/state").path("now")).getEpochSecond();
        long reset = Long.parseLong(refused.header("x-ratelimit-reset"));
        assertTrue(reset > now && reset <= now + 11, "refused for the burst: until it rolls, " + reset + " vs " + now);
        refused.then().statusCode(429)
                .header("x-ratelimit-remaining", "0")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body("errors[0].code", equalTo("TOO_MANY_REQUESTS"))
                .body("errors[0].message", equalTo("Rate limit exceeded, please try again later"));
        EightByEight.scim().get(SCIM_USERS).then().statusCode(200);
        EightByEight.SANDBOX.advanceClock(10_000);
        admin().get(ADMIN + "/sites").then().statusCode(200);
    }

    @Test
    void theMinuteLimitHoldsAcrossBursts() {
        EightByEight.SANDBOX.settings(Map.of("rateLimitPerMinute", 30));
        for (int i = 0; i < 20; i++) {
            admin().get(ADMIN + "/sites").then().statusCode(200);
        }
        EightByEight.SANDBOX.advanceClock(10_000);
        for (int i = 0; i < 10; i++) {
            admin().get(ADMIN + "/sites").then().statusCode(200);
        }
        Response refused = admin().get(ADMIN + "/sites");
        assertEquals(429, refused.statusCode());
        assertEquals("30", refused.header("x-ratelimit-limit"));
        EightByEight.SANDBOX.advanceClock(50_000);
        admin().get(ADMIN + "/sites").then().statusCode(200);
    }

    @Test
    void moreThanTenOperationsInFlightIs429() {
        EightByEight.SANDBOX.settings(Map.of("operationDelayMs", 60_000));
        for (int i = 0; i < 10; i++) {
            submitCreate(adminUser("queued" + i, "London"));
        }
        adminWrite(adminUser("one.too.many", "London")).post(ADMIN + "/users").then().statusCode(429)
                .body("errors[0].code", equalTo("TOO_MANY_REQUESTS"));
        EightByEight.SANDBOX.advanceClock(60_000);
        submitCreate(adminUser("after.the.queue", "London"));
    }
}
