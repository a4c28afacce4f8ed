package dev.patchbay.sandbox.eightbyeight;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.ADMIN;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.CONTROL;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SANDBOX;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_ERROR;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.SCIM_USERS;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.admin;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.adminUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.createAdminUser;

import static dev.patchbay.sandbox.eightbyeight.EightByEight.json;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scim;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.scimUser;
import static dev.patchbay.sandbox.eightbyeight.EightByEight.submitCreate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults queued through {@code _control/faults} and consumed, in order, by the requests they match. */
@QuarkusTest
class FaultsTest {

    @BeforeEach
    void reset() {
        EightByEight.SANDBOX.reset();
    }

    @Test
    void statusFaultsAnswerInTheVendorShapeWithRetryAfter() {
        SANDBOX.fault(Map.of("type", "status", "status", 429, "count", 2, "retryAfterSeconds", 7, "api", "admin"));
        for (int i = 0; i < 2; i++) {
            admin().get(ADMIN + "/sites").then().statusCode(429)
                    .header("Retry-After", "7")
                    .header("x-ratelimit-limit", "100")
                    .body("status", equalTo(429))
                    .body("title", equalTo("Too Many Requests"))
                    .body("errors[0].code", equalTo("TOO_MANY_REQUESTS"))
                    .body("errors[0].message", equalTo("Rate limit exceeded, please try again later"));
        }
        admin().get(ADMIN + "/sites").then().statusCode(200);
        given().get(CONTROL + "/faults").then().body("faults", hasSize(0));
    }

    @Test
    void faultsOnlyHitTheApiTheyNameInQueueOrder() {
        SANDBOX.fault(Map.of("type", "status", "status", 503, "api", "scim"));
        SANDBOX.fault(Map.of("type", "status", "status", 500, "api", "admin"));
        given().get(CONTROL + "/faults").then().body("faults.status", equalTo(List.of(503, 500)));
        admin().get(ADMIN + "/sites").then().statusCode(500)
                .body("errors[0].code", equalTo("UNKNOWN"));
        scim().get(SCIM_USERS).then().statusCode(503)
                .body("schemas", equalTo(List.of(SCIM_ERROR)))
                .body("status", equalTo("503"));
        scim().get(SCIM_USERS).then().statusCode(200);

        SANDBOX.fault(Map.of("type", "status", "status", 503, "retryAfterSeconds", 3));
        scim().get(SCIM_USERS).then().statusCode(503).header("Retry-After", "3");
        admin().get(ADMIN + "/sites").then().statusCode(200);
    }

    @Test
    void operationFailureFailsTheNextOperations() {
        SANDBOX.fault(Map.of("type", "operationFailure", "count", 1, "message", "Downstream provisioning failed"));
        admin().get(ADMIN + "/sites").then().statusCode(200);
        String failed = submitCreate(adminUser("unlucky", "London"));
        admin().get(ADMIN + "/operations/{id}", failed).then()
                .body("status", equalTo("FAILED"))
                .body("completedTime", not(nullValue()))
                .body("error.errors[0].code", equalTo("UNKNOWN"))
                .body("error.errors[0].message", equalTo("Downstream provisioning failed"));
        admin().get(ADMIN + "/users").then().body("data", hasSize(0));
        createAdminUser(adminUser("unlucky", "London"));
    }

    @Test
    void latencyDelaysTheAnswer() {
        SANDBOX.fault(Map.of("type", "latency", "millis", 400, "api", "scim"));
        long start = System.nanoTime();
        scim().body(json(scimUser("slow", "London"))).post(EightByEight.SCIM_USERS).then().statusCode(201);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 400, "answered after " + elapsedMillis + " ms");
        long again = System.nanoTime();
        scim().get(SCIM_USERS).then().statusCode(200).body("totalResults", equalTo(1));
        assertTrue((System.nanoTime() - again) / 1_000_000 < 400, "only one request was delayed");
    }

    @Test
    void timeoutHoldsTheAnswerAndChangesNothing() {
        EightByEight.SANDBOX.settings(Map.of("timeoutMs", 300));
        SANDBOX.fault(Map.of("type", "timeout", "api", "admin"));
        long start = System.nanoTime();
        Response response = EightByEight.adminWrite(adminUser("timed.out", "London")).post(ADMIN + "/users");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(408, response.statusCode());
        assertEquals("REQUEST_TIMEOUT", response.path("errors[0].code"));
        assertTrue(elapsedMillis >= 300, "answered after " + elapsedMillis + " ms");
        given().get(CONTROL + "/state").then().body("operations", hasSize(0));
    }

    @Test
    void deleteClearsTheQueue() {
        SANDBOX.fault(Map.of("type", "status", "status", 503, "count", 5));
        given().delete(CONTROL + "/faults").then().statusCode(204);
        admin().get(ADMIN + "/sites").then().statusCode(200);
    }

    @Test
    void badFaultsAreRefused() {
        for (Object body : List.of(Map.of("type", "boom"), Map.of("type", "status", "status", 200),
                Map.of("type", "latency"), Map.of("type", "status", "status", 500, "api", "ftp"),
                Map.of("type", "timeout", "count", 0))) {
            given().contentType("application/json").body(json(body)).post(CONTROL + "/faults").then()
                    .statusCode(400).body("message", not(nullValue()));
        }
        given().get(CONTROL + "/faults").then().body("faults", hasSize(0));
    }
}
