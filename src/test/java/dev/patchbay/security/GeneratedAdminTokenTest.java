package dev.patchbay.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.TestApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a configured bootstrap token, Patchbay generates one on its first start. */
@QuarkusTest
@TestProfile(GeneratedAdminTokenTest.NoConfiguredToken.class)
class GeneratedAdminTokenTest {

    public static class NoConfiguredToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.admin.bootstrap-token", "");
        }
    }

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void theFirstStartStoredOnlyAHashAndTheGeneratedTokenWorks() {
        assertEquals(1L, storedHashes(), "the first start stored the generated token's hash");
        given().auth().oauth2(TestApi.ADMIN_TOKEN).get("/admin/v1/connections").then().statusCode(401);

        // The secret printed at start-up is not kept anywhere: make a new one to use it.
        QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from admin_bootstrap_token").executeUpdate());
        Optional<String> generated = bootstrap.generateIfAbsent();
        assertTrue(generated.isPresent());
        assertTrue(generated.get().startsWith("pba_"));
        String storedHash = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select token_hash from admin_bootstrap_token").getSingleResult());
        assertEquals(Secrets.sha256Hex(generated.get()), storedHash);

        given().auth().oauth2(generated.get()).get("/admin/v1/connections").then().statusCode(200);
        given().auth().oauth2(generated.get() + "x").get("/admin/v1/connections").then().statusCode(401);

        assertTrue(bootstrap.generateIfAbsent().isEmpty(), "a second start generates nothing");
        given().auth().oauth2(generated.get()).get("/admin/v1/connections").then().statusCode(200);
    }

    private long storedHashes() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from admin_bootstrap_token").getSingleResult()).longValue());
    }
}
