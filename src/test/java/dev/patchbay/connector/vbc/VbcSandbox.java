package dev.patchbay.connector.vbc;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** The VBC sandbox of the running test application, and its admin portal, driven through {@code _control}. */
final class VbcSandbox {

    static final String ACCOUNT = "100200";
    static final String CLIENT_ID = "sandbox-vbc-key";
    static final String CLIENT_SECRET = "sandbox-vbc-secret";
    static final String USERNAME = "patchbay-integration@vbc.prod";
    static final String PASSWORD = "sandbox-integration-password-2026";

    private VbcSandbox() {
    }

    static String base() {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/vbc";
    }

    static String api() {
        return base() + "/t/vbc.prod/provisioning/api/accounts/" + ACCOUNT;
    }

    /** Connection settings of the password grant pointing the real connector at the sandbox. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("apiBaseUrl", base());
        settings.put("accountId", ACCOUNT);
        settings.put("clientId", CLIENT_ID);
        settings.put("clientSecret", CLIENT_SECRET);
        settings.put("username", USERNAME);
        settings.put("password", PASSWORD);
        settings.put("requestTimeoutSeconds", 3);
        return settings;
    }

    static final String SCIM_TOKEN = "sandbox-vbc-scim-token";

    /** Settings that also name the sandbox's SCIM endpoint: identity is written through it. */
    static Map<String, Object> scimSettings() {
        Map<String, Object> settings = settings();
        settings.put("scimBaseUrl", base() + "/scim/v2");
        settings.put("scimToken", SCIM_TOKEN);
        return settings;
    }

    /** Settings with only a refresh token (as from the authorization-code flow), no password. */
    static Map<String, Object> refreshTokenSettings(String refreshToken) {
        Map<String, Object> settings = settings();
        settings.remove("username");
        settings.remove("password");
        settings.put("refreshToken", refreshToken);
        return settings;
    }

    static void reset() {
        given().post(base() + "/_control/reset").then().statusCode(204);
        given().contentType("application/json").body(Map.of("timeoutMs", 4000)).put(base() + "/_control/settings")
                .then().statusCode(200);
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

    static String refreshToken() {
        return given().post(base() + "/_control/portal/refresh-token").then().statusCode(200).extract()
                .path("refresh_token");
    }

    /** The portal's "add user": returns the new user's id. */
    static String addUser(String first, String last, String email, String lineType, String extension, String did) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        body.put("lineType", lineType);
        body.put("extension", extension);
        if (did != null) {
            body.put("did", did);
        }
        return String.valueOf(given().contentType("application/json").body(body).post(base() + "/_control/portal/users")
                .then().statusCode(201).extract().<Object>path("id"));
    }

    static void deleteUser(String id) {
        given().delete(base() + "/_control/portal/users/" + id).then().statusCode(200);
    }

    static void releaseNumber(String did) {
        given().post(base() + "/_control/portal/numbers/" + did + "/release").then().statusCode(200);
    }

    static void assignNumber(String extension, String did) {
        given().contentType("application/json").body(Map.of("did", did))
                .post(base() + "/_control/portal/extensions/" + extension + "/numbers").then().statusCode(200);
    }

    /** The portal's "add extension" for a user SCIM created: a line, an extension and optionally a DID. */
    static void giveLine(String id, String lineType, String extension, String did) {
        Map<String, Object> body = new HashMap<>();
        body.put("lineType", lineType);
        body.put("extension", extension);
        if (did != null) {
            body.put("did", did);
        }
        given().contentType("application/json").body(body).post(base() + "/_control/portal/users/" + id + "/extensions")
                .then().statusCode(201);
    }

    /** The portal's "remove extension": the user keeps its account, its numbers stay until released. */
    static void removeLine(String id) {
        given().delete(base() + "/_control/portal/users/" + id + "/extensions").then().statusCode(200);
    }

    static void changeLine(String id, String lineType) {
        given().contentType("application/json").body(Map.of("lineType", lineType))
                .put(base() + "/_control/portal/users/" + id + "/line").then().statusCode(200);
    }

    /** A password-grant access token straight from the sandbox. */
    static String accessToken() {
        return given().formParam("grant_type", "password").formParam("username", USERNAME)
                .formParam("password", PASSWORD).formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET).formParam("scope", "openid")
                .post(base() + "/token").then().statusCode(200).extract().path("access_token");
    }
}
