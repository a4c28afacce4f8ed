package dev.patchbay.connector.eightbyeight;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** The 8x8 sandbox of the running test application, driven through its control endpoints. */
final class EightByEightSandbox {

    static final String CUSTOMER = "0012J00042NkZQIQA3";

    private EightByEightSandbox() {
    }

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/8x8";
    }

    /** Connection settings that point the real 8x8 connector at the sandbox. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("scimBaseUrl", base() + "/udi/customers/" + CUSTOMER + "/scim/v2");
        settings.put("scimToken", "sandbox-8x8-scim-token");
        settings.put("adminBaseUrl", base() + "/admin-provisioning");
        settings.put("apiKey", "eght_sandbox_api_key");
        settings.put("operationPollMillis", 20);
        settings.put("requestTimeoutSeconds", 2);
        return settings;
    }

    /** A fresh sandbox; its burst limit is raised, since tests also read the sandbox directly. */
    static void reset() {
        given().post(base() + "/_control/reset").then().statusCode(204);
        given().contentType("application/json").body("{\"burstPer10s\":1000,\"rateLimitPerMinute\":10000}")
                .put(base() + "/_control/settings").then().statusCode(200);
    }

    /** Sandbox tunables, such as {@code rateLimitPerMinute}. */
    static void tune(Map<String, Object> tunables) {
        given().contentType("application/json").body(tunables).put(base() + "/_control/settings").then().statusCode(200);
    }

    /** The sandbox's clock moves on: its rate-limit windows roll. */
    static void advanceClock(long millis) {
        given().contentType("application/json").body(Map.of("advanceMs", millis))
                .post(base() + "/_control/clock").then().statusCode(200);
    }

    /** A user that exists at 8x8 already (made in its console), seeded without calling its APIs. */
    static void seed(String userName) {
        given().contentType("application/json").body(Map.of("basicInfo", Map.of("userName", userName,
                "firstName", "Seeded", "lastName", "User", "primaryEmail", userName, "status", "ACTIVE",
                "site", Map.of("name", "London")), "serviceInfo", Map.of("licenses", java.util.List.of(),
                "extensions", java.util.List.of())))
                .post(base() + "/_control/users").then().statusCode(201);
    }

    static JsonPath state() {
        return given().get(base() + "/_control/state").then().statusCode(200).extract().jsonPath();
    }

    static void licenses(Map<String, Integer> totals) {
        given().contentType("application/json").body(totals).put(base() + "/_control/licenses").then().statusCode(200);
    }

    static void fault(String json) {
        given().contentType("application/json").body(json).post(base() + "/_control/faults").then().statusCode(200);
    }
}
