package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.scim;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BasicCredentialsTest {

    private static final String USERS = "/scim/v2/{connection}/Users";
    private static final String CREDENTIALS = "/admin/v1/connections/{id}/basic-credentials";

    @Inject
    EntityManager entityManager;

    private static ExtractableResponse<Response> create(String connection, Map<String, Object> body) {
        return admin().body(body).post(CREDENTIALS, connection).then().statusCode(201).extract();
    }

    private static io.restassured.specification.RequestSpecification basic(String username, String password) {
        return given().auth().preemptive().basic(username, password).accept("application/scim+json");
    }

    @Test
    void generatedPasswordWorksOnItsConnectionOnly() {
        String a = createConnection(uniqueConnectionId("basic-a"), "fake");
        String b = createConnection(uniqueConnectionId("basic-b"), "fake");
        ExtractableResponse<Response> created = create(a, Map.of("username", "okta", "description", "Okta prod"));
        String password = created.path("password");
        assertTrue(password.startsWith("pbp_"));

        basic("okta", password).get(USERS, a).then().statusCode(200);
        String wrong = basic("okta", password + "x").get(USERS, a).then().statusCode(401).extract().asString();
        String unknownUser = basic("someone", password).get(USERS, a).then().statusCode(401).extract().asString();
        String otherConnection = basic("okta", password).get(USERS, b).then().statusCode(401).extract().asString();
        String missing = given().get(USERS, a).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"patchbay-scim\", Basic realm=\"patchbay\""))
                .extract().asString();
        assertEquals(missing, wrong);
        assertEquals(missing, unknownUser);
        assertEquals(missing, otherConnection);
    }

    @Test
    void chosenPasswordWorksAndIsStoredAsSaltedPbkdf2() {
        String connection = createConnection(uniqueConnectionId("basic-own"), "fake");
        String password = "correct horse battery staple";
        String id = create(connection, Map.of("username", "okta-app", "password", password)).path("id");
        basic("okta-app", password).get(USERS, connection).then().statusCode(200);

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select password_hash from scim_basic_credential where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult());
        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"), stored);
        assertFalse(stored.contains(password));

        String listing = admin().get(CREDENTIALS, connection).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].username", equalTo("okta-app"))
                .extract().asString();
        assertFalse(listing.contains(password));
        assertFalse(listing.contains("pbkdf2"));
        assertFalse(listing.contains("\"password\""));
    }

    @Test
    void basicAndBearerWorkSideBySide() {
        String connection = createConnection(uniqueConnectionId("basic-mix"), "fake");
        String password = create(connection, Map.of("username", "okta")).path("password");
        String token = createToken(connection);
        basic("okta", password).get(USERS, connection).then().statusCode(200);
        scim(token).get(USERS, connection).then().statusCode(200);
        basic("okta", token).get(USERS, connection).then().statusCode(401);
    }

    @Test
    void revokedCredentialIsRejectedAndTheUsernameCanBeReused() {
        String connection = createConnection(uniqueConnectionId("basic-rev"), "fake");
        ExtractableResponse<Response> created = create(connection, Map.of("username", "okta"));
        String password = created.path("password");
        admin().body(Map.of("username", "okta")).post(CREDENTIALS, connection)
                .then().statusCode(409).body("error", equalTo("conflict"));

        admin().delete(CREDENTIALS + "/{credential}", connection, created.path("id")).then().statusCode(204);
        basic("okta", password).get(USERS, connection).then().statusCode(401);
        admin().delete(CREDENTIALS + "/{credential}", connection, created.path("id")).then().statusCode(404);

        String newPassword = create(connection, Map.of("username", "okta")).path("password");
        basic("okta", newPassword).get(USERS, connection).then().statusCode(200);
        basic("okta", password).get(USERS, connection).then().statusCode(401);
        admin().queryParam("includeRevoked", true).get(CREDENTIALS, connection).then().body("items", hasSize(2));
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        String connection = createConnection(uniqueConnectionId("basic-bad"), "fake");
        admin().body(Map.of("username", "a:b")).post(CREDENTIALS, connection)
                .then().statusCode(400).body("violations[0].field", equalTo("username"));
        admin().body(Map.of("username", "okta", "password", "short")).post(CREDENTIALS, connection)
                .then().statusCode(400).body("violations[0].field", equalTo("password"));
        admin().body(Map.of()).post(CREDENTIALS, connection)
                .then().statusCode(400).body("violations[0].field", equalTo("username"));
        admin().get(CREDENTIALS, connection).then().body("items", hasSize(0));
    }

    @Test
    void anotherConnectionsCredentialIs404() {
        String a = createConnection(uniqueConnectionId("basic-own-a"), "fake");
        String b = createConnection(uniqueConnectionId("basic-own-b"), "fake");
        ExtractableResponse<Response> created = create(a, Map.of("username", "okta"));
        admin().delete(CREDENTIALS + "/{credential}", b, created.path("id")).then().statusCode(404)
                .body("error", startsWith("not_found"));
        admin().get(CREDENTIALS, "no-such-conn").then().statusCode(404);
        basic("okta", created.path("password")).get(USERS, a).then().statusCode(200);
    }
}
