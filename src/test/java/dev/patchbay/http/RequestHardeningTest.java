package dev.patchbay.http;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.scim.ScimFixture;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each request limit answers with a clear error and changes nothing. */
@QuarkusTest
class RequestHardeningTest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimFixture scim;

    @BeforeEach
    void connection() {
        scim = ScimFixture.create("hardening");
    }

    @Test
    void deeplyNestedJsonIsInvalidSyntaxOnScimAndAdmin() {
        String nested = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        scim.request().body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"deep@example.com\",\"x\":" + nested + "}")
                .post(scim.path("/Users")).then().statusCode(400)
                .body("schemas[0]", equalTo(ERROR))
                .body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("nesting depth"));
        assertUserCount(0);

        String id = uniqueConnectionId("deep");
        admin().body("{\"id\":\"" + id + "\",\"vendor\":\"fake\",\"displayName\":\"Deep\",\"settings\":" + nested + "}")
                .post("/admin/v1/connections").then().statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body("message", containsString("nesting depth"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void aHugeArrayIsRefusedAndChangesNothing() {
        String emails = "{\"value\":\"a@b.c\"},".repeat(10_000) + "{\"value\":\"a@b.c\"}";
        scim.request().body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"many@example.com\",\"emails\":[" + emails + "]}")
                .post(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("10001 elements; at most 10000"));
        assertUserCount(0);
    }

    @Test
    void aDeeplyNestedFilterIsInvalidFilter() {
        scim.request().body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"nest@example.com\"}")
                .post(scim.path("/Users")).then().statusCode(201);
        String shallow = "(".repeat(10) + "userName eq \"nest@example.com\"" + ")".repeat(10);
        scim.request().queryParam("filter", shallow).get(scim.path("/Users")).then().statusCode(200)
                .body("totalResults", equalTo(1));

        String parenthesised = "(".repeat(40) + "userName eq \"nest@example.com\"" + ")".repeat(40);
        scim.request().queryParam("filter", parenthesised).get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"))
                .body("detail", containsString("nested more than 32 levels"));

        StringBuilder alternating = new StringBuilder("userName eq \"x\"");
        for (int i = 0; i < 40; i++) {
            alternating.insert(0, "userName eq \"n" + i + "\" " + (i % 2 == 0 ? "and" : "or") + " (").append(")");
        }
        scim.request().queryParam("filter", alternating.toString()).get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));

        StringBuilder nots = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            nots.append("not (userName eq \"a").append(i).append("\" or ");
        }
        String notChain = nots + "userName eq \"z\"" + "))".repeat(0) + ")".repeat(20);
        scim.request().queryParam("filter", notChain).get(scim.path("/Users")).then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
    }

    @Test
    void scimWritesAcceptOnlyJsonContentTypes() throws Exception {
        String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"typed@example.com\"}";
        given().auth().oauth2(scim.token).contentType("text/plain").body(body).post(scim.path("/Users"))
                .then().statusCode(415)
                .contentType(containsString("application/scim+json"))
                .body("schemas[0]", equalTo(ERROR))
                .body("status", equalTo("415"))
                .body("detail", containsString("text/plain"));
        given().auth().oauth2(scim.token).contentType("application/xml").body(body).post(scim.path("/Users"))
                .then().statusCode(415);
        given().auth().oauth2(scim.token).contentType("application/x-www-form-urlencoded").body("userName=x")
                .post(scim.path("/Users")).then().statusCode(415);
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + scim.path("/Users")))
                .header("Authorization", "Bearer " + scim.token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertTrue(untyped.body().contains("no Content-Type"), untyped.body());
        assertUserCount(0);
        given().auth().oauth2(scim.token).contentType("application/scim+json; charset=utf-8").body(body)
                .post(scim.path("/Users")).then().statusCode(201);
        given().auth().oauth2(scim.token).contentType("application/json").body(body.replace("typed", "typed2"))
                .post(scim.path("/Users")).then().statusCode(201);
        assertUserCount(2);
    }

    @Test
    void adminWritesAcceptOnlyApplicationJson() {
        String id = uniqueConnectionId("typed");
        given().auth().oauth2("test-admin-token").contentType("text/plain")
                .body("{\"id\":\"" + id + "\",\"vendor\":\"fake\",\"displayName\":\"T\"}")
                .post("/admin/v1/connections").then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"))
                .body("message", containsString("application/json"));
        admin().get("/admin/v1/connections/{id}", id).then().statusCode(404);
    }

    @Test
    void adminResponsesCarrySecurityHeaders() {
        assertSecurityHeaders(admin().get("/admin/v1/connections").then().statusCode(200));
        assertSecurityHeaders(admin().get("/admin/v1/connections/nope-nope").then().statusCode(404));
        assertSecurityHeaders(given().auth().oauth2("wrong").get("/admin/v1/connections").then().statusCode(401))
                .header("Strict-Transport-Security", nullValue());
        scim.request().get(scim.path("/Users")).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    private static ValidatableResponse assertSecurityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'")
                .header("Referrer-Policy", "no-referrer");
    }

    private void assertUserCount(int expected) {
        scim.request().get(scim.path("/Users?count=0")).then().statusCode(200).body("totalResults", equalTo(expected));
    }
}
