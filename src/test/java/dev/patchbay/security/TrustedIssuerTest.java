package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createConnection;
import static dev.patchbay.TestApi.scim;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.security.issuer.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JWTs of an external issuer (Entra ID's own tokens, in production), checked against the issuer's JWKS. */
@QuarkusTest
class TrustedIssuerTest {

    private static final String USERS = "/scim/v2/{connection}/Users";
    private static final String ISSUERS = "/admin/v1/connections/{id}/trusted-issuers";
    private static final String AUDIENCE = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";
    private static final String TENANT = "tenant-0001";
    private static final String SYNC_FABRIC = "00000014-0000-0000-c000-000000000000";

    private static TestIssuer issuer;
    private static TestIssuer otherIssuer;

    @BeforeAll
    static void startIssuers() {
        issuer = TestIssuer.start();
        otherIssuer = TestIssuer.start();
    }

    @AfterAll
    static void stopIssuers() {
        issuer.close();
        otherIssuer.close();
    }

    private static String trust(String connection, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("issuer", issuer.url(), "audience", AUDIENCE,
                "requiredClaims", Map.of("tid", TENANT, "appid", SYNC_FABRIC), "description", "Entra"));
        body.putAll(overrides);
        return admin().body(body).post(ISSUERS, connection).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> entraClaims() {
        Map<String, Object> claims = issuer.claims(AUDIENCE);
        claims.put("tid", TENANT);
        claims.put("appid", SYNC_FABRIC);
        return claims;
    }

    private static Map<String, Object> with(String name, Object value) {
        Map<String, Object> claims = entraClaims();
        claims.put(name, value);
        return claims;
    }

    @Test
    void tokenMeetingEverySettingIsAcceptedAndAnythingElseGetsTheSame401() {
        String connection = createConnection(uniqueConnectionId("jwt"), "fake");
        trust(connection, Map.of());
        scim(issuer.sign(entraClaims())).get(USERS, connection).then().statusCode(200);

        long now = Instant.now().getEpochSecond();
        Map<String, String> rejected = new java.util.LinkedHashMap<>();
        rejected.put("wrong audience", issuer.sign(with("aud", "00000002-0000-0000-c000-000000000000")));
        rejected.put("wrong issuer", issuer.sign(with("iss", otherIssuer.url())));
        rejected.put("wrong tenant", issuer.sign(with("tid", "tenant-9999")));
        rejected.put("wrong app", issuer.sign(with("appid", "another-app")));
        Map<String, Object> noAppId = entraClaims();
        noAppId.remove("appid");
        rejected.put("no appid", issuer.sign(noAppId));
        rejected.put("expired", issuer.sign(with("exp", now - 600)));
        rejected.put("not yet valid", issuer.sign(with("nbf", now + 600)));
        Map<String, Object> noExp = entraClaims();
        noExp.remove("exp");
        rejected.put("no exp", issuer.sign(noExp));
        rejected.put("another key", issuer.signWithAnotherKey(entraClaims()));
        rejected.put("another issuer's key", otherIssuer.sign(with("iss", issuer.url())));

        String missing = given().get(USERS, connection).then().statusCode(401).extract().asString();
        rejected.forEach((why, token) -> {
            String body = scim(token).get(USERS, connection).then().statusCode(401).extract().asString();
            assertEquals(missing, body, why);
        });
    }

    @Test
    void tokenIsGoodOnlyOnConnectionsThatTrustTheIssuer() {
        String trusting = createConnection(uniqueConnectionId("jwt-a"), "fake");
        String other = createConnection(uniqueConnectionId("jwt-b"), "fake");
        trust(trusting, Map.of());
        String token = issuer.sign(entraClaims());
        scim(token).get(USERS, trusting).then().statusCode(200);
        scim(token).get(USERS, other).then().statusCode(401);
        scim(token).get(USERS, "no-such-connection").then().statusCode(401);
    }

    @Test
    void configuredJwksUrlAndListClaimsWork() {
        String connection = createConnection(uniqueConnectionId("jwt-jwks"), "fake");
        trust(connection, Map.of("jwksUrl", issuer.jwksUrl(), "requiredClaims", Map.of("roles", "scim.write")));
        scim(issuer.sign(with("roles", List.of("scim.read", "scim.write")))).get(USERS, connection)
                .then().statusCode(200);
        scim(issuer.sign(with("roles", List.of("scim.read")))).get(USERS, connection).then().statusCode(401);
    }

    @Test
    void keyRotationAtTheIssuerIsPickedUp() {
        try (TestIssuer rotating = TestIssuer.start()) {
            String connection = createConnection(uniqueConnectionId("jwt-rot"), "fake");
            admin().body(Map.of("issuer", rotating.url(), "audience", AUDIENCE)).post(ISSUERS, connection)
                    .then().statusCode(201);
            scim(rotating.sign(rotating.claims(AUDIENCE))).get(USERS, connection).then().statusCode(200);
            int fetchesBefore = rotating.jwksFetches();

            scim(rotating.signWithRotatedKey(rotating.claims(AUDIENCE))).get(USERS, connection).then().statusCode(200);
            scim(rotating.sign(rotating.claims(AUDIENCE))).get(USERS, connection).then().statusCode(200);
            assertEquals(fetchesBefore + 1, rotating.jwksFetches(), "one refetch for the unknown kid, then cached");
        }
    }

    @Test
    void removingTheIssuerEndsItsTokens() {
        String connection = createConnection(uniqueConnectionId("jwt-rm"), "fake");
        String id = trust(connection, Map.of());
        String token = issuer.sign(entraClaims());
        scim(token).get(USERS, connection).then().statusCode(200);
        admin().get(ISSUERS, connection).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].issuer", equalTo(issuer.url()))
                .body("items[0].requiredClaims.tid", equalTo(TENANT));
        admin().delete(ISSUERS + "/{issuer}", connection, id).then().statusCode(204);
        scim(token).get(USERS, connection).then().statusCode(401);
        admin().delete(ISSUERS + "/{issuer}", connection, id).then().statusCode(404);
    }

    @Test
    void issuerSettingsAreValidated() {
        String connection = createConnection(uniqueConnectionId("jwt-bad"), "fake");
        for (String bad : List.of("http://login.example.com/", "ftp://127.0.0.1/", "not a url", "https://x.example/?a=b")) {
            admin().body(Map.of("issuer", bad, "audience", AUDIENCE)).post(ISSUERS, connection)
                    .then().statusCode(400).body("violations[0].field", equalTo("issuer"));
        }
        admin().body(Map.of("issuer", "https://sts.windows.net/" + TENANT + "/")).post(ISSUERS, connection)
                .then().statusCode(400).body("violations[0].field", equalTo("audience"));
        admin().body(Map.of("issuer", "https://sts.windows.net/t/", "audience", AUDIENCE,
                        "jwksUrl", "http://keys.example.com/jwks"))
                .post(ISSUERS, connection).then().statusCode(400).body("violations[0].field", equalTo("jwksUrl"));
        admin().body(Map.of("issuer", "https://sts.windows.net/t/", "audience", AUDIENCE,
                        "requiredClaims", Map.of("tid", "")))
                .post(ISSUERS, connection).then().statusCode(400)
                .body("violations[0].field", equalTo("requiredClaims"));
        admin().get(ISSUERS, connection).then().body("items", hasSize(0));

        String other = createConnection(uniqueConnectionId("jwt-own"), "fake");
        String id = trust(other, Map.of());
        admin().body(Map.of("issuer", issuer.url(), "audience", "another-audience")).post(ISSUERS, other)
                .then().statusCode(409).body("error", equalTo("conflict"));
        admin().delete(ISSUERS + "/{issuer}", connection, id).then().statusCode(404);
        admin().get(ISSUERS, "no-such-conn").then().statusCode(404);
    }
}
