package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.scim;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.patchbay.security.oauth.AccessTokens;
import dev.patchbay.store.ScimOAuthClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OAuthClientCredentialsTest {

    private static final String USERS = "/scim/v2/{connection}/Users";
    private static final String TOKEN = "/oauth2/token";

    @Inject
    AccessTokens accessTokens;

    @Inject
    EntityManager entityManager;

    private record Client(String id, String clientId, String secret) {
    }

    private static Client createClient(String connection, Map<String, Object> body) {
        ExtractableResponse<Response> created = admin().body(body)
                .post("/admin/v1/connections/{id}/oauth-clients", connection)
                .then().statusCode(201)
                .body("clientId", startsWith("pbc_"))
                .body("clientSecret", startsWith("pbcs_"))
                .extract();
        return new Client(created.path("id"), created.path("clientId"), created.path("clientSecret"));
    }

    private static String accessToken(Client client) {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void issuedTokenWorksOnItsConnectionOnly() {
        String a = createConnection(uniqueConnectionId("oauth-a"), "fake");
        String b = createConnection(uniqueConnectionId("oauth-b"), "fake");
        Client client = createClient(a, Map.of("description", "Entra gallery app"));

        String token = given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .extract().path("access_token");

        scim(token).get(USERS, a).then().statusCode(200);
        String onOther = scim(token).get(USERS, b).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("WWW-Authenticate", containsString("Basic"))
                .extract().asString();
        String missing = given().get(USERS, b).then().statusCode(401).extract().asString();
        assertEquals(missing, onOther);

        JwtClaims claims = unverifiedClaims(token);
        assertEquals("patchbay", claims.getClaimValue("iss"));
        assertEquals(a, claims.getClaimValue("connection"));
        assertEquals(client.clientId(), claims.getClaimValue("sub"));
        assertFalse(String.valueOf(claims.getClaimValue("jti")).isBlank());
    }

    @Test
    void formFieldsAuthenticateTheClientToo() {
        String connection = createConnection(uniqueConnectionId("oauth-form"), "fake");
        Client client = createClient(connection, Map.of());
        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret())
                .post(TOKEN)
                .then().statusCode(200)
                .extract().path("access_token");
        scim(token).get(USERS, connection).then().statusCode(200);
    }

    @Test
    void lifetimeIsPerClientWithinSixtyToThreeHundredSixtyMinutes() {
        String connection = createConnection(uniqueConnectionId("oauth-life"), "fake");
        Client client = createClient(connection, Map.of("tokenLifetimeMinutes", 120));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(200).body("expires_in", equalTo(7200));

        for (int minutes : new int[] {59, 361, 0, -5}) {
            admin().body(Map.of("tokenLifetimeMinutes", minutes))
                    .post("/admin/v1/connections/{id}/oauth-clients", connection)
                    .then().statusCode(400)
                    .body("error", equalTo("invalid_request"))
                    .body("violations[0].field", equalTo("tokenLifetimeMinutes"));
        }
        admin().get("/admin/v1/connections/{id}/oauth-clients", connection).then().body("items", hasSize(1));
    }

    @Test
    void expiredTokenIsRejected() {
        String connection = createConnection(uniqueConnectionId("oauth-exp"), "fake");
        Client created = createClient(connection, Map.of());
        ScimOAuthClient client = new ScimOAuthClient();
        client.clientId = created.clientId();
        client.connectionId = connection;
        Instant now = Instant.now();

        String live = accessTokens.sign(client, now, now.plus(5, ChronoUnit.MINUTES));
        scim(live).get(USERS, connection).then().statusCode(200);
        String expired = accessTokens.sign(client, now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.SECONDS));
        scim(expired).get(USERS, connection).then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        String connection = createConnection(uniqueConnectionId("oauth-forge"), "fake");
        Client client = createClient(connection, Map.of());
        String genuine = accessToken(client);
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(unverifiedClaims(genuine).toJson());
        forged.setKeyIdHeaderValue(kid(genuine));
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        forged.setKey(rsa.generateKeyPair().getPrivate());
        scim(forged.getCompactSerialization()).get(USERS, connection).then().statusCode(401);
        scim(genuine).get(USERS, connection).then().statusCode(200);
    }

    @Test
    void revokingAClientEndsItsLiveTokens() {
        String connection = createConnection(uniqueConnectionId("oauth-rev"), "fake");
        Client client = createClient(connection, Map.of());
        Client other = createClient(connection, Map.of());
        String token = accessToken(client);
        String otherToken = accessToken(other);
        scim(token).get(USERS, connection).then().statusCode(200);

        admin().delete("/admin/v1/connections/{id}/oauth-clients/{client}", connection, client.id())
                .then().statusCode(204);
        scim(token).get(USERS, connection).then().statusCode(401);
        scim(otherToken).get(USERS, connection).then().statusCode(200);
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
        admin().delete("/admin/v1/connections/{id}/oauth-clients/{client}", connection, client.id())
                .then().statusCode(404);
        admin().queryParam("includeRevoked", true).get("/admin/v1/connections/{id}/oauth-clients", connection)
                .then().body("items", hasSize(2));
        admin().get("/admin/v1/connections/{id}/oauth-clients", connection)
                .then().body("items", hasSize(1)).body("items[0].clientId", equalTo(other.clientId()));
    }

    @Test
    void tokenEndpointErrorsFollowRfc6749() {
        String connection = createConnection(uniqueConnectionId("oauth-err"), "fake");
        Client client = createClient(connection, Map.of());

        given().auth().preemptive().basic(client.clientId(), client.secret() + "x")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("error", equalTo("invalid_client"))
                .body("access_token", nullValue());
        given().auth().preemptive().basic("pbc_unknown", client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));

        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "password")
                .post(TOKEN).then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"))
                .body("error_description", not(nullValue()));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("scope", "scim")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId()).formParam("client_secret", client.secret())
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void secretIsShownOnceAndStoredHashed() {
        String connection = createConnection(uniqueConnectionId("oauth-once"), "fake");
        Client client = createClient(connection, Map.of("description", "Entra"));
        String listing = admin().get("/admin/v1/connections/{id}/oauth-clients", connection)
                .then().statusCode(200)
                .body("items[0].clientId", equalTo(client.clientId()))
                .body("items[0].description", equalTo("Entra"))
                .extract().asString();
        assertFalse(listing.contains(client.secret()));
        assertFalse(listing.contains("clientSecret"));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select secret_hash from scim_oauth_client where id = :id")
                .setParameter("id", UUID.fromString(client.id())).getSingleResult());
        assertEquals(Secrets.sha256Hex(client.secret()), stored);
    }

    @Test
    void clientsOfUnknownOrOtherConnectionsAre404() {
        String a = createConnection(uniqueConnectionId("oauth-own-a"), "fake");
        String b = createConnection(uniqueConnectionId("oauth-own-b"), "fake");
        Client client = createClient(a, Map.of());
        admin().delete("/admin/v1/connections/{id}/oauth-clients/{client}", b, client.id()).then().statusCode(404);
        admin().delete("/admin/v1/connections/{id}/oauth-clients/not-a-uuid", a).then().statusCode(404);
        admin().body("{}").post("/admin/v1/connections/no-such-conn/oauth-clients").then().statusCode(404);
        admin().get("/admin/v1/connections/no-such-conn/oauth-clients").then().statusCode(404);
        scim(accessToken(client)).get(USERS, a).then().statusCode(200);
    }

    @Test
    void jwksPublishesTheSigningKey() {
        String connection = createConnection(uniqueConnectionId("oauth-jwks"), "fake");
        String token = accessToken(createClient(connection, Map.of()));
        String kid = kid(token);
        given().get("/oauth2/jwks").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kid", equalTo(kid))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].d", nullValue());
    }

    private static String kid(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            return jws.getKeyIdHeaderValue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JwtClaims unverifiedClaims(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
