package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.scim;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScimTokenTest {

    private static final String SPC = "/scim/v2/{connection}/ServiceProviderConfig";

    @Inject
    EntityManager entityManager;

    @Test
    void tokenIsShownOnceAndCarries256RandomBits() {
        String connection = createConnection(uniqueConnectionId("tok"), "fake");
        ExtractableResponse<Response> issued = admin()
                .body(Map.of("description", "Okta production", "expiresAt", Instant.now().plus(90, ChronoUnit.DAYS).toString()))
                .post("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(201)
                .body("id", not(nullValue()))
                .body("token", startsWith("pbs_"))
                .body("createdAt", not(nullValue()))
                .body("expiresAt", not(nullValue()))
                .body("description", equalTo("Okta production"))
                .extract();
        String token = issued.path("token");
        assertTrue(Base64.getUrlDecoder().decode(token.substring(4)).length >= 32);

        String listing = admin().get("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(issued.path("id")))
                .body("items[0].description", equalTo("Okta production"))
                .extract().asString();
        assertFalse(listing.contains(token.substring(4)), "the list must not contain the secret");
        assertFalse(listing.contains("\"token\""));

        String storedHash = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select token_hash from scim_token where id = :id")
                .setParameter("id", UUID.fromString(issued.path("id"))).getSingleResult());
        assertNotEquals(token, storedHash);
        assertFalse(storedHash.contains(token.substring(4)));
    }

    @Test
    void twoLiveTokensAllowRotationAndRevocationIsImmediate() {
        String connection = createConnection(uniqueConnectionId("rot"), "fake");
        String oldToken = createToken(connection);
        scim(oldToken).get(SPC, connection).then().statusCode(200);

        String newToken = createToken(connection);
        scim(newToken).get(SPC, connection).then().statusCode(200);
        scim(oldToken).get(SPC, connection).then().statusCode(200);

        String oldId = tokenIdOf(connection, 0);
        admin().delete("/admin/v1/connections/{id}/tokens/{tokenId}", connection, oldId).then().statusCode(204);
        scim(oldToken).get(SPC, connection).then().statusCode(401);
        scim(newToken).get(SPC, connection).then().statusCode(200);

        admin().get("/admin/v1/connections/{id}/tokens", connection).then().body("items", hasSize(1));
        admin().queryParam("includeRevoked", true).get("/admin/v1/connections/{id}/tokens", connection)
                .then().body("items", hasSize(2))
                .body("items[0].revokedAt", not(nullValue()));
        admin().delete("/admin/v1/connections/{id}/tokens/{tokenId}", connection, oldId).then().statusCode(404);
    }

    @Test
    void anotherConnectionsTokenLooksExactlyLikeAWrongTokenOrUnknownConnection() {
        String a = createConnection(uniqueConnectionId("conn-a"), "fake");
        String b = createConnection(uniqueConnectionId("conn-b"), "fake");
        String tokenA = createToken(a);

        String otherConnection = scim(tokenA).get(SPC, b).then().statusCode(401).extract().asString();
        String wrongToken = scim("pbs_not-a-real-token").get(SPC, b).then().statusCode(401).extract().asString();
        String unknownConnection = scim(tokenA).get(SPC, "no-such-connection").then().statusCode(401)
                .extract().asString();
        String missing = given().get(SPC, a).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/scim+json")
                .body("schemas", equalTo(List.of("urn:ietf:params:scim:api:messages:2.0:Error")))
                .body("status", equalTo("401"))
                .extract().asString();
        assertEquals(missing, otherConnection);
        assertEquals(missing, wrongToken);
        assertEquals(missing, unknownConnection);
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("x:" + tokenA).getBytes()))
                .get(SPC, a).then().statusCode(401);
    }

    @Test
    void expiredTokenStopsWorking() {
        String connection = createConnection(uniqueConnectionId("exp"), "fake");
        String token = createToken(connection);
        scim(token).get(SPC, connection).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update scim_token set expires_at = now() - interval '1 second' where connection_id = :c")
                .setParameter("c", connection).executeUpdate());
        scim(token).get(SPC, connection).then().statusCode(401);
    }

    @Test
    void expiryInThePastIsRejected() {
        String connection = createConnection(uniqueConnectionId("past"), "fake");
        admin().body(Map.of("expiresAt", "2020-01-01T00:00:00Z"))
                .post("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        admin().body(Map.of("expiresAt", "next tuesday"))
                .post("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(400);
        admin().get("/admin/v1/connections/{id}/tokens", connection).then().body("items", hasSize(0));
    }

    @Test
    void tokensOfUnknownConnectionsAre404() {
        admin().body("{}").post("/admin/v1/connections/no-such-conn/tokens").then().statusCode(404);
        admin().get("/admin/v1/connections/no-such-conn/tokens").then().statusCode(404);
        admin().delete("/admin/v1/connections/no-such-conn/tokens/{t}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aTokenCannotBeRevokedThroughAnotherConnection() {
        String a = createConnection(uniqueConnectionId("own-a"), "fake");
        String b = createConnection(uniqueConnectionId("own-b"), "fake");
        String tokenA = createToken(a);
        String idA = tokenIdOf(a, 0);
        admin().delete("/admin/v1/connections/{id}/tokens/{tokenId}", b, idA).then().statusCode(404);
        admin().delete("/admin/v1/connections/{id}/tokens/not-a-uuid", b).then().statusCode(404);
        scim(tokenA).get(SPC, a).then().statusCode(200);
    }

    @Test
    void deletingTheConnectionEndsItsTokens() {
        String connection = createConnection(uniqueConnectionId("gone"), "fake");
        String token = createToken(connection);
        admin().delete("/admin/v1/connections/{id}", connection).then().statusCode(204);
        scim(token).get(SPC, connection).then().statusCode(401);
    }

    @Test
    void tokenRequestsAreValidated() {
        String connection = createConnection(uniqueConnectionId("tokval"), "fake");
        admin().body(Map.of("description", "x".repeat(201)))
                .post("/admin/v1/connections/{id}/tokens", connection).then().statusCode(400);
        admin().body(Map.of("secret", "mine"))
                .post("/admin/v1/connections/{id}/tokens", connection).then().statusCode(400)
                .body("error", equalTo("unknown_field"));
        admin().body("{").post("/admin/v1/connections/{id}/tokens", connection).then().statusCode(400);
        given().auth().oauth2("wrong").body("{}").contentType("application/json")
                .post("/admin/v1/connections/{id}/tokens", connection).then().statusCode(401);
        admin().get("/admin/v1/connections/{id}/tokens", connection).then().body("items", hasSize(0));
    }

    private static String tokenIdOf(String connection, int index) {
        return admin().get("/admin/v1/connections/{id}/tokens", connection)
                .then().extract().path("items[" + index + "].id");
    }
}
