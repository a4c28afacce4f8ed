package dev.patchbay;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Shortcuts for tests that drive the running application over HTTP. */
public final class TestApi {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestApi() {
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification scim(String token) {
        return given().auth().oauth2(token).accept("application/scim+json");
    }

    /** A connection id no other test uses. */
    public static String uniqueConnectionId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String createConnection(String id, String vendor) {
        admin().body(Map.of("id", id, "vendor", vendor, "displayName", "Test " + id))
                .post("/admin/v1/connections")
                .then().statusCode(201);
        return id;
    }

    public static String createToken(String connectionId) {
        return admin().body("{}")
                .post("/admin/v1/connections/{id}/tokens", connectionId)
                .then().statusCode(201)
                .extract().path("token");
    }
}
