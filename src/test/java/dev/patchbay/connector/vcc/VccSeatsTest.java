package dev.patchbay.connector.vcc;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VCC shows each user's lastLoginTime: the seat inventory tells idle seats by it. */
@QuarkusTest
class VccSeatsTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    Reconciler reconciler;

    private String connection;
    private EndToEnd e2e;

    @BeforeEach
    void fresh() {
        VccSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("seats-vcc");
        admin().body(Map.of("id", connection, "vendor", "vcc", "displayName", "VCC sandbox",
                "settings", VccSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    private void reconcile() {
        String run = admin().body(Map.of("preview", true)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).extract().path("id");
        for (int round = 0; round < 10; round++) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from rate_limit_budget where connection_id = :c").setParameter("c", connection).executeUpdate());
            reconciler.runDue(connection, 100);
        }
        admin().get("/admin/v1/connections/{c}/reconciliations/{r}", connection, run).then().statusCode(200)
                .body("run.state", org.hamcrest.Matchers.equalTo("done"));
    }

    @Test
    void accountsNotLoggedInForTheIdlePeriodOrNeverAreIdleSeats() {
        String stale = e2e.oktaCreate("stale@example.com", "Stale", "Agent", "{}");
        String recent = e2e.oktaCreate("recent@example.com", "Recent", "Agent", "{}");
        String never = e2e.oktaCreate("never@example.com", "Never", "Agent", "{}");
        e2e.drain();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        VccSandbox.portal(e2e.vendorId(stale), Map.of("lastLoginTime", now.minus(Duration.ofDays(40)).toString()));
        VccSandbox.portal(e2e.vendorId(recent), Map.of("lastLoginTime", now.minus(Duration.ofDays(1)).toString()));
        reconcile();

        JsonPath seats = admin().get("/admin/v1/connections/{c}/seats", connection).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, seats.getBoolean("lastLoginKnown"));
        assertEquals("not logged in for 30 days", seats.getString("idleSeats.find { it.userId == '" + stale + "' }.idle"));
        assertEquals("never logged in", seats.getString("idleSeats.find { it.userId == '" + never + "' }.idle"));
        assertNull(seats.get("idleSeats.find { it.userId == '" + recent + "' }"));
        assertEquals(2, seats.getInt("totals.idle"));

        JsonPath longer = admin().queryParam("idleDays", 60).get("/admin/v1/connections/{c}/seats", connection)
                .then().statusCode(200).extract().jsonPath();
        assertNull(longer.get("idleSeats.find { it.userId == '" + stale + "' }"), "40 days is not idle for 60");
        assertEquals(1, longer.getInt("totals.idle"));
        String csv = admin().queryParam("format", "csv").get("/admin/v1/connections/{c}/seats", connection)
                .then().statusCode(200).extract().asString();
        assertEquals(true, csv.contains(now.minus(Duration.ofDays(40)).toString()), "the last login is in the CSV");
    }
}
