package dev.patchbay.security;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verified credentials are cached without their secrets, and a revocation committed by any instance (here:
 * straight in the database, as another replica would) ends them on this one within a second.
 */
@QuarkusTest
class CredentialCacheTest {

    private static final String CONFIG = "/scim/v2/{connection}/ServiceProviderConfig";
    /** The promise: a revocation anywhere takes effect everywhere within one second. */
    private static final long REVOCATION_DEADLINE_MILLIS = 1_000;

    @Inject
    EntityManager entityManager;

    @Inject
    CredentialCache cache;

    private String connection;

    @BeforeEach
    void connection() {
        // The fixture's connection needs no vendor settings (whichever vendor the fixture picks).
        connection = ScimFixture.create("cache").connection;
    }

    @Test
    void aCachedBasicCredentialRevokedByAnotherInstanceStopsWorkingWithinASecond() {
        String password = "correct horse battery staple";
        String id = admin().body(Map.of("username", "okta", "password", password))
                .post("/admin/v1/connections/{id}/basic-credentials", connection).then().statusCode(201)
                .extract().path("id");
        basic("okta", password).get(CONFIG, connection).then().statusCode(200);
        basic("okta", password).get(CONFIG, connection).then().statusCode(200);

        sql("update scim_basic_credential set revoked_at = now() where id = cast(:id as uuid)", id);
        assertRefusedWithinTheDeadline(() -> basic("okta", password));
    }

    @Test
    void theCacheIsUsedAndANotificationAloneEndsIt() {
        String token = createToken(connection);
        bearer(token).get(CONFIG, connection).then().statusCode(200);
        try {
            // Revoke without the trigger: only the cache can still let the token in.
            sql("alter table scim_token disable trigger scim_token_changed", null);
            sql("update scim_token set revoked_at = now() where connection_id = :id", connection);
            bearer(token).get(CONFIG, connection).then().statusCode(200);
        } finally {
            sql("alter table scim_token enable trigger scim_token_changed", null);
        }
        sql("select pg_notify('patchbay_credentials', 'test')", null);
        assertRefusedWithinTheDeadline(() -> bearer(token));
    }

    @Test
    void aRevocationThroughTheAdminApiEndsACachedTokenAtOnce() {
        Map<String, String> issued = admin().body("{}").post("/admin/v1/connections/{id}/tokens", connection)
                .then().statusCode(201).extract().jsonPath().getMap("$");
        String token = issued.get("token");
        String tokenId = issued.get("id");
        bearer(token).get(CONFIG, connection).then().statusCode(200);
        admin().delete("/admin/v1/connections/{id}/tokens/{token}", connection, tokenId).then().statusCode(204);
        bearer(token).get(CONFIG, connection).then().statusCode(401);
    }

    @Test
    void aCachedTokenEndsWhenItExpires() throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(2);
        String token = admin().body(Map.of("expiresAt", expiresAt.toString()))
                .post("/admin/v1/connections/{id}/tokens", connection).then().statusCode(201).extract().path("token");
        bearer(token).get(CONFIG, connection).then().statusCode(200);
        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 100);
        bearer(token).get(CONFIG, connection).then().statusCode(401);
    }

    @Test
    void theCacheHoldsDigestsAndNeverAPassword() {
        String password = "pbp_" + "s3cret".repeat(5);
        admin().body(Map.of("username", "entra", "password", password))
                .post("/admin/v1/connections/{id}/basic-credentials", connection).then().statusCode(201);
        basic("entra", password).get(CONFIG, connection).then().statusCode(200);
        assertTrue(cache.size() > 0, "the verified credential is cached");
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] header = Base64.getEncoder().encode(("entra:" + password).getBytes(StandardCharsets.UTF_8));
        for (byte[] key : cache.keys()) {
            assertEquals(32, key.length, "a SHA-256 digest");
            assertFalse(contains(key, secret) || contains(key, header));
        }
    }

    private void assertRefusedWithinTheDeadline(java.util.function.Supplier<RequestSpecification> request) {
        long deadline = System.currentTimeMillis() + REVOCATION_DEADLINE_MILLIS;
        int status;
        do {
            status = request.get().get(CONFIG, connection).statusCode();
        } while (status == 200 && System.currentTimeMillis() < deadline);
        assertEquals(401, status, "the revoked credential still worked after " + REVOCATION_DEADLINE_MILLIS + " ms");
    }

    private void sql(String statement, String parameter) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement);
            if (parameter != null) {
                query.setParameter("id", parameter);
            }
            if (statement.startsWith("select")) {
                query.getResultList();
            } else {
                query.executeUpdate();
            }
        });
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static RequestSpecification basic(String username, String password) {
        return given().auth().preemptive().basic(username, password).accept("application/scim+json");
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).accept("application/scim+json");
    }
}
