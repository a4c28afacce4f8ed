package dev.patchbay.scim;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.ERROR;
import static dev.patchbay.scim.ScimFixture.GROUP_SCHEMA;
import static dev.patchbay.scim.ScimFixture.USER_SCHEMA;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of hostile input a fuzz run found answered with 500 or without a SCIM body, with the exact
 * inputs: each gets a 4xx SCIM error and leaves users and groups as they were.
 */
@QuarkusTest
class BadInputTest {

    private static final String NUL = "\u0000";

    private ScimFixture scim;
    private String userId;
    private String groupId;
    private String userBefore;
    private String groupBefore;

    @BeforeEach
    void resources() {
        scim = ScimFixture.create("fuzz");
        userId = scim.createUser("fuzz@example.com");
        groupId = scim.createGroup("Fuzzers");
        userBefore = scim.get("/Users/" + userId).statusCode(200).extract().asString();
        groupBefore = scim.get("/Groups/" + groupId).statusCode(200).extract().asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "displayName", "nickName", "externalId"})
    void aNulCharacterInAUserStringIsInvalidValue(String attribute) {
        String body = userWith(attribute, "a" + NUL + "b");
        assertScimError(scim.post("/Users", body.replace("fuzz@", "new@")), 400, "invalidValue");
        assertScimError(scim.request().body(body).put(scim.path("/Users/" + userId)).then(), 400, "invalidValue");
        assertScimError(scim.patch("/Users/" + userId, patchOp(
                "{\"op\":\"replace\",\"path\":\"" + attribute + "\",\"value\":\"\\u0000\"}")), 400, "invalidValue");
        // unescaped, a NUL is not even JSON
        assertScimError(scim.patch("/Users/" + userId, patchOp(
                "{\"op\":\"replace\",\"path\":\"" + attribute + "\",\"value\":\"" + NUL + "\"}")), 400, "invalidSyntax");
        assertNothingChanged();
    }

    @Test
    void aNulCharacterInAGroupOrAPatchValueIsInvalidValue() {
        assertScimError(scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"x\\u0000\"}"),
                400, "invalidValue");
        assertScimError(scim.patch("/Groups/" + groupId, patchOp(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"\\u0000\"}")), 400, "invalidValue");
        assertScimError(scim.patch("/Users/" + userId, patchOp(
                "{\"op\":\"replace\",\"value\":{\"name\":{\"givenName\":\"\\u0000\"}}}")), 400, "invalidValue");
        assertScimError(scim.patch("/Users/" + userId, patchOp(
                "{\"op\":\"add\",\"path\":\"emails[type eq \\\"\\u0000\\\"].value\",\"value\":\"x@example.com\"}")),
                400, null);
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq \"\u0000\"", "displayName co \"a\u0000\"",
            "emails[type eq \"work\"].value eq \"\u0000\"", "\u0000"})
    void aNulCharacterInAFilterIsInvalidFilter(String filter) {
        assertScimError(scim.request().queryParam("filter", filter).get(scim.path("/Users")).then(), 400,
                "invalidFilter");
        assertScimError(scim.request().queryParam("filter", filter).get(scim.path("/Groups")).then(), 400,
                "invalidFilter");
        ObjectNode search = JsonNodeFactory.instance.objectNode();
        search.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
        search.put("filter", filter);
        assertScimError(scim.post("/Users/.search", search.toString()), 400, "invalidFilter");
        assertScimError(scim.post("/.search", search.toString()), 400, "invalidFilter");
        assertNothingChanged();
    }

    @Test
    void tensOfKilobytesInAUserStringAreInvalidValue() {
        for (String value : List.of("x".repeat(40_000), random(30_000), "ab".repeat(20_000) + "@example.com")) {
            for (String attribute : List.of("userName", "displayName", "externalId")) {
                String body = userWith(attribute, value);
                assertScimError(scim.post("/Users", body.replace("\"fuzz@", "\"new@")), 400, "invalidValue")
                        .body("detail", containsString(attribute));
                assertScimError(scim.request().body(body).put(scim.path("/Users/" + userId)).then(), 400,
                        "invalidValue");
                assertScimError(scim.patch("/Users/" + userId, patchOp("{\"op\":\"replace\",\"path\":\"" + attribute
                        + "\",\"value\":\"" + value + "\"}")), 400, "invalidValue");
            }
            assertScimError(scim.patch("/Users/" + userId, patchOp(
                    "{\"op\":\"add\",\"path\":\"emails[type eq \\\"home\\\"].value\",\"value\":\"" + value + "\"}")),
                    400, "invalidValue");
        }
        assertNothingChanged();
    }

    @Test
    void tensOfKilobytesInAGroupNameAreInvalidValue() {
        String name = "G".repeat(50_000);
        assertScimError(scim.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + name
                + "\"}"), 400, "invalidValue");
        assertScimError(scim.request().body("{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + name
                + "\"}").put(scim.path("/Groups/" + groupId)).then(), 400, "invalidValue");
        assertScimError(scim.patch("/Groups/" + groupId, patchOp(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name + "\"}")), 400, "invalidValue");
        assertNothingChanged();
    }

    @Test
    void valuesUpToTheDeclaredLimitAreAccepted() {
        String longest = "u".repeat(500) + "@example.com";
        scim.post("/Users", userWith("userName", longest)).statusCode(201);
        scim.request().queryParam("filter", "userName eq \"" + longest + "\"").get(scim.path("/Users"))
                .then().statusCode(200).body("totalResults", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq []", "displayName lt []", "userName gt [1]", "displayName eq {}",
            "externalId eq {\"a\":1}", "emails[value eq []]", "meta.lastModified gt []", "active eq {}"})
    void aFilterWithAnArrayOrObjectLiteralIsInvalidFilter(String filter) {
        assertScimError(scim.request().queryParam("filter", filter).get(scim.path("/Users")).then(), 400,
                "invalidFilter");
        assertScimError(scim.request().queryParam("filter", filter.replace("userName", "displayName"))
                .get(scim.path("/Groups")).then(), 400, "invalidFilter");
        ObjectNode search = JsonNodeFactory.instance.objectNode();
        search.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
        search.put("filter", filter);
        assertScimError(scim.post("/Users/.search", search.toString()), 400, "invalidFilter");
        assertScimError(scim.post("/Groups/.search", search.toString()), 400, "invalidFilter");
        assertScimError(scim.post("/.search", search.toString()), 400, "invalidFilter");
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"emails[value eq []].type", "emails[type eq {}].value", "addresses[type eq [1]].primary"})
    void aPatchPathWithAnArrayOrObjectLiteralIsRefused(String path) {
        assertScimError(scim.patch("/Users/" + userId, patchOp(
                "{\"op\":\"replace\",\"path\":\"" + path.replace("\"", "\\\"") + "\",\"value\":\"x\"}")), 400, null);
        assertNothingChanged();
    }

    @Test
    void aNulInAnAdminPathIsAClientError() {
        admin().urlEncodingEnabled(false).get("/admin/v1/connections/%00").then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(400)).body("error", equalTo("invalid_request"));
        admin().urlEncodingEnabled(false).get("/admin/v1/connections/%00/tokens").then().statusCode(400);
        admin().urlEncodingEnabled(false).delete("/admin/v1/connections/a%00b").then().statusCode(400);
        admin().get("/admin/v1/connections/{id}", scim.connection).then().statusCode(200);
    }

    @Test
    void aNulCharacterInACredentialIsA401() {
        String basic = java.util.Base64.getEncoder().encodeToString("ok\u0000ta:secret-password-1234".getBytes(
                StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).get(scim.path("/Users")).then().statusCode(401)
                .body("schemas[0]", equalTo(ERROR));
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"https://evil\\u0000.example\"}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(header + "." + claims + ".c2ln").get(scim.path("/Users")).then().statusCode(401);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "pbc_\u0000")
                .formParam("client_secret", "x").post("/oauth2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void aTooLargeBodyGetsAnErrorBody() throws Exception {
        String huge = userWith("displayName", "y".repeat(3 * 1024 * 1024));
        String scimAnswer = raw("POST " + scim.path("/Users") + " HTTP/1.1", "application/scim+json", huge);
        assertTrue(scimAnswer.startsWith("HTTP/1.1 413"), scimAnswer);
        assertTrue(scimAnswer.toLowerCase().contains("content-type: application/scim+json"), scimAnswer);
        assertTrue(scimAnswer.contains(ERROR) && scimAnswer.contains("\"status\":\"413\""), scimAnswer);

        String adminAnswer = raw("POST /admin/v1/connections HTTP/1.1", "application/json",
                "{\"settings\":\"" + "z".repeat(3 * 1024 * 1024) + "\"}");
        assertTrue(adminAnswer.startsWith("HTTP/1.1 413"), adminAnswer);
        assertTrue(adminAnswer.toLowerCase().contains("content-type: application/json"), adminAnswer);
        assertTrue(adminAnswer.contains("\"status\":413"), adminAnswer);
        assertNothingChanged();
    }

    @Test
    void aTooLongRequestLineGetsAnErrorBody() throws Exception {
        String filter = "x".repeat(20_000);
        String scimAnswer = raw("GET " + scim.path("/Users") + "?filter=" + filter + " HTTP/1.1", null, null);
        assertTrue(scimAnswer.startsWith("HTTP/1.1 414"), scimAnswer);
        assertTrue(scimAnswer.toLowerCase().contains("content-type: application/scim+json"), scimAnswer);
        assertTrue(scimAnswer.contains(ERROR) && scimAnswer.contains("\"status\":\"414\""), scimAnswer);

        String adminAnswer = raw("GET /admin/v1/connections?x=" + filter + " HTTP/1.1", null, null);
        assertTrue(adminAnswer.startsWith("HTTP/1.1 414"), adminAnswer);
        assertTrue(adminAnswer.toLowerCase().contains("content-type: application/json"), adminAnswer);
        assertTrue(adminAnswer.contains("\"status\":414"), adminAnswer);
    }

    @Test
    void aBodyOfTheWrongContentTypeIsDrainedAnd415KeepsTheConnection() throws Exception {
        String body = userWith("displayName", "w".repeat(900_000));
        String user = scim.path("/Users/" + userId);
        assertKeepsConnection("POST " + scim.path("/Users"), "Bearer " + scim.token, "text/plain", body, 415, ERROR);
        assertKeepsConnection("PUT " + user, "Bearer " + scim.token, "application/xml", body, 415, ERROR);
        assertKeepsConnection("PATCH " + user, "Bearer " + scim.token, null, body, 415, ERROR);
        assertKeepsConnection("POST " + scim.path("/Bulk"), "Bearer " + scim.token, "text/plain", body, 415, ERROR);
        assertKeepsConnection("POST /admin/v1/connections", "Bearer " + dev.patchbay.TestApi.ADMIN_TOKEN,
                "text/plain", body, 415, "unsupported_media_type");
        assertKeepsConnection("POST " + scim.path("/Users"), "Bearer wrong", "application/scim+json", body, 401, ERROR);
        assertNothingChanged();
    }

    /** Two requests on one connection: each body is read (or drained) and answered, and the connection stays open. */
    private static void assertKeepsConnection(String methodAndPath, String authorization, String contentType,
            String body, int status, String expectedInBody) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 2; round++) {
                out.write((methodAndPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\n"
                        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                String statusLine = in.readLine();
                assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 " + status), methodAndPath + ": " + statusLine);
                int length = -1;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    assertTrue(!line.equalsIgnoreCase("connection: close"), methodAndPath + ": the server closes");
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                char[] answer = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(answer, read, length - read);
                }
                assertTrue(new String(answer).contains(expectedInBody), methodAndPath + ": " + new String(answer));
            }
        }
    }

    /** One request on a fresh socket; the answer as text (the server may stop reading an oversized body). */
    private static String raw(String requestLine, String contentType, String body) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n")
                    .append("Authorization: Bearer ").append(dev.patchbay.TestApi.ADMIN_TOKEN).append("\r\n");
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(bytes);
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server answered and closed before reading all of it: read what it said
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no complete answer", e);
        }
    }

    private static String userWith(String attribute, String value) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", "fuzz@example.com");
        user.put(attribute, value);
        return user.toString();
    }

    private static String random(int length) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int c = 0x20 + random.nextInt(0x2FF);
            if (c != '"' && c != '\\') {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private static ValidatableResponse assertScimError(ValidatableResponse response, int status, String scimType) {
        response.statusCode(status)
                .contentType(startsWith("application/scim+json"))
                .body("schemas[0]", equalTo(ERROR))
                .body("status", equalTo(Integer.toString(status)));
        if (scimType != null) {
            response.body("scimType", equalTo(scimType));
        }
        return response;
    }

    private void assertNothingChanged() {
        assertEquals(userBefore, scim.get("/Users/" + userId).statusCode(200).extract().asString());
        assertEquals(groupBefore, scim.get("/Groups/" + groupId).statusCode(200).extract().asString());
        scim.request().get(scim.path("/Users?count=0")).then().statusCode(200).body("totalResults", equalTo(1));
        scim.request().get(scim.path("/Groups?count=0")).then().statusCode(200).body("totalResults", equalTo(1));
    }
}
