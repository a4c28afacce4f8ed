package dev.patchbay.admin;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ConnectionAdminTest {

    @Test
    void createReturnsTheConnectionWithLocationAndNoSecrets() {
        String id = uniqueConnectionId("okta-genesys");
        String body = admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Okta → Genesys",
                        "settings", Map.of("region", "mypurecloud.com", "clientId", "abc",
                                "clientSecret", "very-secret-value",
                                "taskWebhook", Map.of("url", "https://hooks.example.com", "secret", "pk-value"))))
                .post("/admin/v1/connections")
                .then().statusCode(201)
                .header("Location", endsWith("/admin/v1/connections/" + id))
                .body("id", equalTo(id))
                .body("vendor", equalTo("genesys"))
                .body("displayName", equalTo("Okta → Genesys"))
                .body("settings.region", equalTo("mypurecloud.com"))
                .body("settings", not(hasKey("clientSecret")))
                .body("secretSettings", equalTo(List.of("clientSecret", "taskWebhook.secret")))
                .body("health.state", equalTo("unreachable"))
                .body("scimBaseUrl", endsWith("/scim/v2/" + id))
                .body("createdAt", not(nullValue()))
                .extract().asString();
        assertFalse(body.contains("very-secret-value"));
        assertFalse(body.contains("pk-value"));

        String read = admin().get("/admin/v1/connections/{id}", id)
                .then().statusCode(200)
                .body("displayName", equalTo("Okta → Genesys"))
                .extract().asString();
        assertFalse(read.contains("very-secret-value"));
    }

    @Test
    void duplicateIdIsAConflictAndKeepsTheFirst() {
        String id = createConnection(uniqueConnectionId("dup"), "fake");
        admin().body(Map.of("id", id, "vendor", "fake", "displayName", "Second"))
                .post("/admin/v1/connections")
                .then().statusCode(409)
                .body("status", equalTo(409))
                .body("error", equalTo("conflict"))
                .body("message", containsString(id));
        admin().get("/admin/v1/connections/{id}", id).then().body("vendor", equalTo("fake"))
                .body("displayName", equalTo("Test " + id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper-Case", "with_underscore", "spaces here", "ünïcode",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void invalidSlugIsRejected(String id) {
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "x"))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("violations.field", hasItem("id"))
                .body("message", containsString("3 to 63 characters"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownVendorIsRejectedWithTheAllowedValues() {
        String id = uniqueConnectionId("bad-vendor");
        admin().body(Map.of("id", id, "vendor", "avaya", "displayName", "x"))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", hasItem("vendor"))
                .body("message", containsString("eightbyeight, fake, five9, genesys"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void aVendorWithoutAConnectorIsRefused() {
        String id = uniqueConnectionId("no-connector");
        admin().body(Map.of("id", id, "vendor", "avaya", "displayName", "Too early"))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("vendor")))
                .body("message", containsString("'avaya' has no connector"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void settingsAreCheckedOnSaveAndEveryBadOneIsNamed() {
        String id = uniqueConnectionId("bad-settings");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Empty", "settings", Map.of()))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("invalid_settings"))
                .body("violations.field", equalTo(List.of("settings.clientId", "settings.clientSecret",
                        "settings.region")))
                .body("message", containsString("settings.region is required, or instead apiBaseUrl"));
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Typo", "settings",
                        Map.of("region", "mypurecloud.com", "clientID", "abc", "clientSecret", "s",
                                "requestTimeoutSeconds", "ten", "apiBaseUrl", "not a url")))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("settings.clientID", "settings.apiBaseUrl",
                        "settings.clientId", "settings.requestTimeoutSeconds", "settings.loginBaseUrl")))
                .body("violations[0].message", containsString("is not a setting of this vendor; known settings: region,"))
                .body("violations[3].message", equalTo("must be a whole number"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);

        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Fine", "settings",
                        Map.of("region", "mypurecloud.com", "clientId", "abc", "clientSecret", "s")))
                .post("/admin/v1/connections").then().statusCode(201);
        admin().body(Map.of("displayName", "Broken", "settings", Map.of("region", "mypurecloud.com")))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("settings.clientId")));
        admin().get("/admin/v1/connections/{id}", id).then().body("displayName", equalTo("Fine"))
                .body("settings.clientId", equalTo("abc"));
    }

    @Test
    void theGatewaysOwnSettingsAreCheckedToo() {
        String id = uniqueConnectionId("gateway-settings");
        admin().body(Map.of("id", id, "vendor", "fake", "displayName", "x", "settings",
                        Map.of("synchronousCreateSeconds", 600, "taskWebhook", Map.of("secret", "s"))))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("settings.synchronousCreateSeconds",
                        "settings.taskWebhook.url")));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void checkAsksTheVendorAndKeepsTheAnswer() {
        String id = createConnection(uniqueConnectionId("checked"), "fake");
        admin().get("/admin/v1/connections/{id}", id).then().body("health.state", equalTo("up"));
        admin().post("/admin/v1/connections/{id}/check", id).then().statusCode(200)
                .body("state", equalTo("up")).body("checkedAt", not(nullValue()));
        String refused = uniqueConnectionId("refused");
        admin().body(Map.of("id", refused, "vendor", "fake", "displayName", "x", "settings",
                        Map.of("rejectCredentials", true))).post("/admin/v1/connections").then().statusCode(201)
                .body("health.state", equalTo("credentials_rejected"))
                .body("health.detail", containsString("refuses these credentials"));
        admin().get("/admin/v1/connections/{id}", refused).then().body("health.state", equalTo("credentials_rejected"));
        admin().post("/admin/v1/connections/{id}/check", "no-such-connection").then().statusCode(404);
    }

    @Test
    void missingFieldsAreEachNamed() {
        admin().body("{}")
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("displayName", "id", "vendor")));
    }

    @Test
    void missingBodyIsRejected() {
        admin().post("/admin/v1/connections")
                .then().statusCode(400)
                .body("message", containsString("is required"));
    }

    @Test
    void malformedJsonIsRejectedAndChangesNothing() {
        long before = total();
        admin().body("{\"id\": \"broken-json\", \"vendor\": ")
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body("message", containsString("not valid JSON"));
        assertEquals(before, total());
        admin().get("/admin/v1/connections/broken-json").then().statusCode(404);
    }

    @Test
    void wrongTypesAreRejected() {
        admin().body("{\"id\": \"wrong-types\", \"vendor\": \"fake\", \"displayName\": \"x\", \"settings\": [1, 2]}")
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("invalid_value"))
                .body("message", containsString("'settings'"));
        admin().body("{\"id\": [\"x\"], \"vendor\": \"fake\", \"displayName\": \"x\"}")
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("message", containsString("'id'"));
        admin().body("[]")
                .post("/admin/v1/connections")
                .then().statusCode(400);
        admin().get("/admin/v1/connections/wrong-types").then().statusCode(404);
    }

    @Test
    void unknownFieldsAreRejected() {
        admin().body(Map.of("id", "unknown-field", "vendor", "fake", "displayName", "x", "colour", "red"))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("unknown_field"))
                .body("message", equalTo("Unknown field 'colour'"));
        admin().get("/admin/v1/connections/unknown-field").then().statusCode(404);
    }

    @Test
    void wrongContentTypeIsRejected() {
        admin().contentType(ContentType.TEXT).body("id=x")
                .post("/admin/v1/connections")
                .then().statusCode(415)
                .body("status", equalTo(415));
    }

    @Test
    void oversizedSettingsAreRejected() {
        String id = uniqueConnectionId("big");
        admin().body(Map.of("id", id, "vendor", "fake", "displayName", "x", "settings",
                        Map.of("blob", "x".repeat(70_000))))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", hasItem("settings"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void updateReplacesDisplayNameAndSettingsButKeepsUnsentSecrets() {
        String id = uniqueConnectionId("upd");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Before",
                        "settings", Map.of("region", "mypurecloud.com", "clientId", "c1", "clientSecret", "secret-1",
                                "taskWebhook", Map.of("url", "https://hooks.example.com", "secret", "hook-1"))))
                .post("/admin/v1/connections").then().statusCode(201)
                .body("secretSettings", equalTo(List.of("clientSecret", "taskWebhook.secret")));

        java.util.Map<String, Object> hook = new java.util.HashMap<>();
        hook.put("url", "https://hooks.example.com");
        hook.put("secret", null);
        admin().body(Map.of("displayName", "After", "settings", Map.of("region", "mypurecloud.ie", "clientId", "c2",
                        "taskWebhook", hook)))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(200)
                .body("displayName", equalTo("After"))
                .body("settings.clientId", equalTo("c2"))
                .body("secretSettings", equalTo(List.of("clientSecret")));

        admin().get("/admin/v1/connections/{id}", id).then()
                .body("displayName", equalTo("After"))
                .body("secretSettings", equalTo(List.of("clientSecret")));
    }

    @Test
    void vendorAndIdCannotChange() {
        String id = createConnection(uniqueConnectionId("immutable"), "fake");
        admin().body(Map.of("vendor", "genesys", "displayName", "x"))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(400)
                .body("violations.field", hasItem("vendor"));
        admin().body(Map.of("id", "another-id", "displayName", "x"))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(400)
                .body("violations.field", hasItem("id"));
        admin().get("/admin/v1/connections/{id}", id).then()
                .body("vendor", equalTo("fake"))
                .body("displayName", equalTo("Test " + id));
    }

    @Test
    void updateOfUnknownConnectionIs404() {
        admin().body(Map.of("displayName", "x"))
                .put("/admin/v1/connections/does-not-exist")
                .then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void deleteRemovesTheConnection() {
        String id = createConnection(uniqueConnectionId("del"), "fake");
        admin().delete("/admin/v1/connections/{id}", id).then().statusCode(204);
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
        admin().delete("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void listIsPagedInCreationOrder() {
        String prefix = uniqueConnectionId("page");
        for (int i = 0; i < 3; i++) {
            createConnection(prefix + "-" + i, "fake");
        }
        long total = total();
        int lastPage = (int) ((total - 1) / 2);
        admin().queryParam("page", lastPage).queryParam("size", 2)
                .get("/admin/v1/connections")
                .then().statusCode(200)
                .body("page", equalTo(lastPage))
                .body("size", equalTo(2))
                .body("total", equalTo((int) total))
                .body("items.id", hasItem(prefix + "-2"));
        List<String> all = admin().queryParam("size", 200).get("/admin/v1/connections")
                .then().extract().path("items.id");
        int first = all.indexOf(prefix + "-0");
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2"), all.subList(first, first + 3));
    }

    @Test
    void invalidPagingIsRejected() {
        admin().queryParam("size", 0).get("/admin/v1/connections").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        admin().queryParam("size", 201).get("/admin/v1/connections").then().statusCode(400);
        admin().queryParam("page", -1).get("/admin/v1/connections").then().statusCode(400);
        admin().queryParam("page", "abc").get("/admin/v1/connections").then().statusCode(400);
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        given().get("/admin/v1/connections").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("unauthorized"));
        given().auth().oauth2("wrong").get("/admin/v1/connections").then().statusCode(401);
        given().header("Authorization", "Basic dGVzdDp0ZXN0").get("/admin/v1/connections").then().statusCode(401);
        given().auth().oauth2("wrong").contentType(ContentType.JSON)
                .body(Map.of("id", "sneaky", "vendor", "vbc", "displayName", "x"))
                .post("/admin/v1/connections").then().statusCode(401);
        admin().get("/admin/v1/connections/sneaky").then().statusCode(404);
    }

    private static long total() {
        return admin().get("/admin/v1/connections").then().statusCode(200)
                .extract().<Integer>path("total").longValue();
    }
}
