package dev.patchbay.secrets;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A stored secret this instance's keys cannot open (sealed under a key it was not given) turns the
 * {@code secrets-key} readiness check DOWN and {@code patchbay_secrets_key_usable} to 0, and back once it opens.
 */
@QuarkusTest
class SecretsKeyCheckTest {

    @Inject
    DataSource dataSource;
    @Inject
    SecretsKeyCheck check;

    @Test
    void aSecretUnderAKeyThisInstanceLacksMakesTheKeyUnusableUntilItOpensAgain() throws Exception {
        String id = uniqueConnectionId("keycheck");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Key check",
                        "settings", Map.of("region", "mypurecloud.com", "clientId", "client-1",
                                "clientSecret", "sealed-secret")))
                .post("/admin/v1/connections").then().statusCode(201);
        check.refresh();
        assertEquals(1.0, usableGauge());
        readiness(200, "UP", 0);

        try {
            setClientSecretKid(id, "k9");
            check.refresh();
            assertEquals(0.0, usableGauge());
            readiness(503, "DOWN", 1);
        } finally {
            setClientSecretKid(id, "k2");
        }
        check.refresh();
        assertEquals(1.0, usableGauge());
        readiness(200, "UP", 0);
    }

    private void readiness(int status, String keyStatus, int undecryptable) {
        JsonPath health = given().get("/q/health/ready").then().statusCode(status)
                .body("checks.name", hasItem(SecretsKeyCheck.NAME)).extract().jsonPath();
        String check = "checks.find { it.name == '" + SecretsKeyCheck.NAME + "' }";
        assertEquals(keyStatus, health.getString(check + ".status"));
        assertEquals(undecryptable, health.getInt(check + ".data.undecryptable"));
    }

    private static double usableGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("patchbay_secrets_key_usable"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("patchbay_secrets_key_usable is not exported"));
    }

    /** The key id recorded in the stored envelope; the ciphertext stays as the active key k2 sealed it. */
    private void setClientSecretKid(String id, String kid) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(
                "update connection set settings = jsonb_set(settings, '{clientSecret,kid}', to_jsonb(?::text)) where id = ?")) {
            statement.setString(1, kid);
            statement.setString(2, id);
            assertEquals(1, statement.executeUpdate());
        }
    }
}
