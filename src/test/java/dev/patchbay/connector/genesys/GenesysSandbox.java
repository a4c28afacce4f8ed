package dev.patchbay.connector.genesys;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** The Genesys Cloud sandbox of the running test application, driven through its control endpoints. */
final class GenesysSandbox {

    static final String HOME = "00000000-0000-4000-8000-000000000001";
    static final String SUPPORT_DIVISION = "00000000-0000-4000-8000-000000000002";
    static final String SUPPORT_QUEUE = "30000000-0000-4000-8000-000000000001";
    static final String SALES_QUEUE = "30000000-0000-4000-8000-000000000002";

    private GenesysSandbox() {
    }

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/genesys";
    }

    /** Connection settings that point the real Genesys Cloud connector at the sandbox. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("apiBaseUrl", base());
        settings.put("loginBaseUrl", base());
        settings.put("clientId", "sandbox-genesys-client");
        settings.put("clientSecret", "sandbox-genesys-secret");
        settings.put("requestTimeoutSeconds", 2);
        return settings;
    }

    /** A fresh sandbox with a rate limit tests do not reach (they also read the sandbox directly). */
    static void reset() {
        given().post(base() + "/_control/reset").then().statusCode(204);
        tunables(86400, 100000);
    }

    static void tunables(long tokenLifetimeSeconds, int rateLimitPerMinute) {
        given().contentType("application/json").body(Map.of("tokenLifetimeSeconds", tokenLifetimeSeconds,
                "rateLimitPerMinute", rateLimitPerMinute, "timeoutMs", 2500))
                .put(base() + "/_control/settings").then().statusCode(200);
    }

    static JsonPath state() {
        return given().get(base() + "/_control/state").then().statusCode(200).extract().jsonPath();
    }

    static void fault(String json) {
        given().contentType("application/json").body(json).post(base() + "/_control/faults").then().statusCode(200);
    }

    static void advanceClock(long millis) {
        given().contentType("application/json").body(Map.of("advanceMs", millis))
                .post(base() + "/_control/clock").then().statusCode(200);
    }
}
