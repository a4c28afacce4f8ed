package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CONTROL;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CUSTOMER_ID;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createAdminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createScimUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.withLicense;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control endpoints tests and demos use: state, reset, license pool, settings, clock, seeding. */
@QuarkusTest
class ControlTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void stateShowsUsersPoolSitesAndOperations() {
        String scimId = createScimUser("in.state", "London");
        createAdminUser(withLicense(adminUser("licensed", "Paris"), "X2"));
        given().get(CONTROL + "/state").then().statusCode(200)
                .body("customerId", equalTo(CUSTOMER_ID))
                .body("now", not(nullValue()))
                .body("users", hasSize(2))
                .body("users[0].basicInfo.userId", equalTo(scimId))
                .body("users[0].scimActive", equalTo(true))
                .body("users[1].serviceInfo.licenses[0].name", equalTo("X2"))
                .body("licenses.find { it.name == 'X2' }.assigned", equalTo(1))
                .body("licenses.find { it.name == 'X2' }.available", equalTo(4))
                .body("sites.id", equalTo(List.of("site-lon", "site-par", "site-nyc")))
                .body("operations", hasSize(1))
                .body("operations[0].status", equalTo("COMPLETED"))
                .body("settings.operationDelayMs", equalTo(0))
                .body("settings.maxInFlight", equalTo(10));
    }

    @Test
    void resetRestoresTheInitialState() {
        createScimUser("gone.soon", "London");
        given().contentType("application/json").body(json(Map.of("X4", 1, "X8", 3))).put(CONTROL + "/licenses")
                .then().statusCode(200)
                .body("data.name", equalTo(List.of("X2", "X4", "X6", "X8")));
        EightByEight.SANDBOX.settings(Map.of("operationDelayMs", 1000, "burstPer10s", 2));
        EightByEight.SANDBOX.fault(Map.of("type", "latency", "millis", 10));
        EightByEight.SANDBOX.reset();
        given().get(CONTROL + "/state").then()
                .body("users", hasSize(0))
                .body("operations", hasSize(0))
                .body("faults", hasSize(0))
                .body("licenses.name", equalTo(List.of("X2", "X4", "X6")))
                .body("licenses.total", equalTo(List.of(5, 5, 2)))
                .body("settings.operationDelayMs", equalTo(0))
                .body("settings.burstPer10s", equalTo(20));
    }

    @Test
    void seededUsersNeedNoSiteButFollowTheOtherRules() {
        given().contentType("application/json").body(json(adminUser("seeded", null))).post(CONTROL + "/users")
                .then().statusCode(201)
                .body("basicInfo.site", nullValue())
                .body("scimActive", equalTo(true));
        given().contentType("application/json").body(json(adminUser("SEEDED", "London"))).post(CONTROL + "/users")
                .then().statusCode(400).body("message", equalTo("userName already in use"));
        given().contentType("application/json").body(json(Map.of("basicInfo", Map.of())))
                .post(CONTROL + "/users").then().statusCode(400).body("errors", not(hasSize(0)));
        admin().get(ADMIN + "/users").then().body("data", hasSize(1));
    }

    @Test
    void badControlBodiesAreRefused() {
        given().contentType("application/json").body(json(Map.of("X4", -1))).put(CONTROL + "/licenses")
                .then().statusCode(400);
        given().contentType("application/json").body(json(Map.of("X4", "many"))).put(CONTROL + "/licenses")
                .then().statusCode(400);
        given().contentType("application/json").body(json(Map.of("speed", 1))).put(CONTROL + "/settings")
                .then().statusCode(400);
        given().contentType("application/json").body(json(Map.of("burstPer10s", 0))).put(CONTROL + "/settings")
                .then().statusCode(400);
        given().contentType("application/json").body("{}").post(CONTROL + "/clock").then().statusCode(400);
        given().contentType("application/json").body("not json").put(CONTROL + "/settings").then().statusCode(400);
    }
}
