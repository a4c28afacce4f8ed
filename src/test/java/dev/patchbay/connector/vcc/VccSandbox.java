package dev.patchbay.connector.vcc;

import static io.restassured.RestAssured.given;

import dev.patchbay.sandbox.kit.SandboxControl;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The VCC simulator of the running test application, driven through the kit's control API. */
final class VccSandbox {

    static final String CLIENT = "sandbox-vcc-client";
    static final String SECRET = "sandbox-vcc-secret";
    static final String UK = "53000000-0000-4000-8000-000000000001";
    static final String BILLING = "51000000-0000-4000-8000-000000000001";
    static final String TECHNICAL = "51000000-0000-4000-8000-000000000002";
    static final String SPANISH = "51000000-0000-4000-8000-000000000004";
    static final String TIER_1 = "52000000-0000-4000-8000-000000000001";
    static final String ESCALATIONS = "52000000-0000-4000-8000-000000000003";
    static final String MEDIA_TYPE = "application/vnd.newvoicemedia.v4+json";
    static final SandboxControl CONTROL = new SandboxControl("/sandbox/vcc");

    private VccSandbox() {
    }

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/vcc";
    }

    /** Settings that point the real connector at the simulator. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("apiBaseUrl", base());
        settings.put("authBaseUrl", base());
        settings.put("clientId", CLIENT);
        settings.put("clientSecret", SECRET);
        settings.put("telephonyRegions", List.of("UK=" + UK, "US=53000000-0000-4000-8000-000000000002"));
        settings.put("agentDefaults", Map.of("location", "GB", "capacityLive", 1, "capacityNonLive", 3));
        settings.put("requestTimeoutSeconds", 3);
        return settings;
    }

    static void reset() {
        CONTROL.reset();
        CONTROL.settings(Map.of("timeoutMs", 3500));
    }

    static JsonPath state() {
        return CONTROL.state();
    }

    static void fault(Map<String, ?> fault) {
        CONTROL.fault(fault);
    }

    /** A user an admin created by hand in the VCC Admin Portal; its userId. */
    static String createByHand(String json) {
        return CONTROL.post("users", json).then().statusCode(201).extract().path("userId");
    }

    /** What only the Admin Portal shows: API credentials, other accounts. */
    static void portal(String userId, Map<String, ?> facts) {
        given().contentType("application/json").body(facts).patch(CONTROL.path("users/" + userId)).then()
                .statusCode(200);
    }

    static String token(String scope) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT)
                .formParam("client_secret", SECRET).formParam("scope", scope)
                .post(base() + "/Auth/connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** The sandbox's record of a user by VCC username. */
    static String user(String username) {
        return "users.find { it.username == '" + username + "' }";
    }
}
