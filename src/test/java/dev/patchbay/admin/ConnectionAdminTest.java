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
                                "clientSecret", "very-secret-value", "oauth", Map.of("privateKey", "pk-value"))))
                .post("/admin/v1/connections")
                .then().statusCode(201)
                .header("Location", endsWith("/admin/v1/connections/" + id))
                .body("id", equalTo(id))
                .body("vendor", equalTo("genesys"))
                .body("displayName", equalTo("Okta → Genesys"))
                .body("settings.region", equalTo("mypurecloud.com"))
                .body("settings", not(hasKey("clientSecret")))
                .body("secretSettings", equalTo(List.of("clientSecret", "oauth.privateKey")))
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
        String id = createConnection(uniqueConnectionId("dup"), "five9");
        admin().body(Map.of("id", id, "vendor", "vbc", "displayName", "Second"))
                .post("/admin/v1/connections")
                .then().statusCode(409)
                .body("status", equalTo(409))
                .body("error", equalTo("conflict"))
                .body("message", containsString(id));
        admin().get("/admin/v1/connections/{id}", id).then().body("vendor", equalTo("five9"));
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
                .body("message", containsString("five9, genesys, eightbyeight, vbc, vcc"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
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
        admin().body("{\"id\": \"wrong-types\", \"vendor\": \"vbc\", \"displayName\": \"x\", \"settings\": [1, 2]}")
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("error", equalTo("invalid_value"))
                .body("message", containsString("'settings'"));
        admin().body("{\"id\": [\"x\"], \"vendor\": \"vbc\", \"displayName\": \"x\"}")
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
        admin().body(Map.of("id", "unknown-field", "vendor", "vbc", "displayName", "x", "colour", "red"))
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
        admin().body(Map.of("id", id, "vendor", "vbc", "displayName", "x", "settings",
                        Map.of("blob", "x".repeat(70_000))))
                .post("/admin/v1/connections")
                .then().statusCode(400)
                .body("violations.field", hasItem("settings"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void updateReplacesDisplayNameAndSettingsButKeepsUnsentSecrets() {
        String id = uniqueConnectionId("upd");
        admin().body(Map.of("id", id, "vendor", "eightbyeight", "displayName", "Before",
                        "settings", Map.of("customerId", "c1", "apiKey", "key-1", "scimToken", "tok-1")))
                .post("/admin/v1/connections").then().statusCode(201);

        java.util.Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("customerId", "c2");
        settings.put("scimToken", null);
        admin().body(Map.of("displayName", "After", "settings", settings))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(200)
                .body("displayName", equalTo("After"))
                .body("settings.customerId", equalTo("c2"))
                .body("secretSettings", equalTo(List.of("apiKey")));

        admin().get("/admin/v1/connections/{id}", id).then()
                .body("displayName", equalTo("After"))
                .body("secretSettings", equalTo(List.of("apiKey")));
    }

    @Test
    void vendorAndIdCannotChange() {
        String id = createConnection(uniqueConnectionId("immutable"), "vcc");
        admin().body(Map.of("vendor", "genesys", "displayName", "x"))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(400)
                .body("violations.field", hasItem("vendor"));
        admin().body(Map.of("id", "another-id", "displayName", "x"))
                .put("/admin/v1/connections/{id}", id)
                .then().statusCode(400)
                .body("violations.field", hasItem("id"));
        admin().get("/admin/v1/connections/{id}", id).then()
                .body("vendor", equalTo("vcc"))
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
        String id = createConnection(uniqueConnectionId("del"), "five9");
        admin().delete("/admin/v1/connections/{id}", id).then().statusCode(204);
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
        admin().delete("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void listIsPagedInCreationOrder() {
        String prefix = uniqueConnectionId("page");
        for (int i = 0; i < 3; i++) {
            createConnection(prefix + "-" + i, "vbc");
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
