package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor wellness checks: one per connection under /q/health/well, DOWN with the figures when the
 * vendor refuses the credentials or the backlog waits too long, UP again once fixed, while readiness stays
 * UP throughout; and the same figures at GET /admin/v1/connections/{id}/health.
 */
@QuarkusTest
class VendorWellnessTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    dev.patchbay.admin.VendorWellnessChecks checks;

    private String connection;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        connection = uniqueConnectionId("well-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys wellness",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
    }

    private JsonPath wellness() {
        checks.refresh();
        return given().get("/q/health/well").then().extract().jsonPath();
    }

    private String status() {
        return wellness().getString("checks.find { it.name == 'vendor:" + connection + "' }.status");
    }

    @Test
    void refusedCredentialsMakeTheVendorDownWithTheFiguresAndFixingThemMakesItUp() {
        assertStatus("UP");

        Map<String, Object> wrong = new HashMap<>(GenesysSandbox.settings());
        wrong.put("clientSecret", "not-the-secret");
        admin().body(Map.of("displayName", "Genesys wellness", "settings", wrong))
                .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
        assertStatus("DOWN");
        JsonPath down = wellness();
        String check = "checks.find { it.name == 'vendor:" + connection + "' }";
        assertEquals("credentials_rejected", down.getString(check + ".data.credentials"),
                () -> down.getString(check + ".data"));
        assertEquals("genesys", down.getString(check + ".data.vendor"));
        admin().get("/admin/v1/connections/{c}/health", connection).then().statusCode(200)
                .body("up", equalTo(false)).body("credentials", equalTo("credentials_rejected"))
                .body("problems[0]", containsString("credentials_rejected"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        admin().body(Map.of("displayName", "Genesys wellness", "settings", GenesysSandbox.settings()))
                .put("/admin/v1/connections/{c}", connection).then().statusCode(200);
        assertStatus("UP");
    }

    @Test
    void aBacklogWaitingTooLongIsDownAndAnUnknownConnectionIs404() {
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.oktaCreate("waiting@example.com", "Wait", "Ing", "{\"license\":\"cx1\"}");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set next_attempt_at = now() - interval '1 hour' where connection_id = :c")
                .setParameter("c", connection).executeUpdate());
        assertStatus("DOWN");
        admin().get("/admin/v1/connections/{c}/health", connection).then().statusCode(200)
                .body("due", equalTo(1)).body("problems[0]", containsString("oldest due job has waited 60 minutes"));
        given().get("/q/health/ready").then().statusCode(200);
        e2e.drain();
        assertStatus("UP");
        admin().get("/admin/v1/connections/{c}/health", "no-such-connection").then().statusCode(404);
    }

    private void assertStatus(String expected) {
        assertEquals(expected, status(), () -> "this connection's check and any not named for a connection: "
                + wellness().getList("checks.findAll { it.name == 'vendor:" + connection
                        + "' || !it.name.startsWith('vendor:') }"));
    }
}
