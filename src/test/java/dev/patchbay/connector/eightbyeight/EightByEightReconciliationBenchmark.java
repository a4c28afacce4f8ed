package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;

import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a reconciliation of 10,000 accounts in the 8x8 simulator, its vendor calls and the rate-limit
 * windows it needed at 8x8's 100 calls a minute with the run's half share, next to the floor that SCIM
 * paging and the reads allow. The windows are emulated (the budget is reset when the run waits for the next
 * one), so the wall time measured is Patchbay's own cost; the time at the vendor is windows × 1 minute.
 * Run with {@code mvn -Pbench test -Dtest=EightByEightReconciliationBenchmark -Dquarkus.http.test-port=…}.
 */
@QuarkusTest
class EightByEightReconciliationBenchmark {

    private static final int ACCOUNTS = 10_000;
    private static final int CALLS_PER_MINUTE = 100;
    private static final double SHARE = 0.5;
    private static final int READ_CALLS_PER_ACCOUNT = 2;
    private static final int SCIM_MAX_PAGE = 1000;

    @Inject
    Reconciler reconciler;

    @Inject
    EntityManager entityManager;

    @Test
    void reconcileTenThousandAccounts() {
        EightByEightSandbox.reset();
        for (int i = 0; i < ACCOUNTS; i++) {
            given().contentType("application/json").body(Map.of("basicInfo", Map.of("userName", "bench" + i
                    + "@example.com", "firstName", "Bench", "lastName", "User" + i, "primaryEmail", "bench" + i
                    + "@example.com", "status", "ACTIVE", "site", Map.of("name", "London")),
                    "serviceInfo", Map.of("licenses", List.of(), "extensions", List.of())))
                    .post(EightByEightSandbox.base() + "/_control/users").then().statusCode(201);
        }
        String connection = uniqueConnectionId("bench-recon");
        admin().body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "bench",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        String run = admin().body(Map.of("preview", true)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).extract().path("id");

        long started = System.nanoTime();
        int windows = 1;
        int maxUsed = 0;
        while (true) {
            reconciler.runDue(connection, 100_000);
            maxUsed = Math.max(maxUsed, used(connection));
            JsonPath progress = admin().get("/admin/v1/connections/{c}/reconciliations/{r}?size=1", connection, run)
                    .then().extract().jsonPath();
            if (!"running".equals(progress.getString("run.state"))) {
                break;
            }
            if (windows % 50 == 0) {
                System.out.printf(Locale.ROOT, "window %d: %d of %s accounts read%n", windows,
                        progress.getInt("run.accountsRead"), progress.getString("run.estimatedTotal"));
            }
            // The next minute: a fresh window.
            windows++;
            sql(connection, "delete from rate_limit_budget where connection_id = :c");
            sql(connection, "update reconciliation_run set next_page_at = now() where connection_id = :c");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonPath done = admin().get("/admin/v1/connections/{c}/reconciliations/{r}?size=1", connection, run)
                .then().extract().jsonPath();
        int calls = done.getInt("run.vendorCalls");
        int floorCalls = (ACCOUNTS + SCIM_MAX_PAGE - 1) / SCIM_MAX_PAGE + READ_CALLS_PER_ACCOUNT * ACCOUNTS;
        double floorMinutes = (double) floorCalls / CALLS_PER_MINUTE;
        System.out.printf(Locale.ROOT, "reconciled %d accounts (%s): %d vendor calls in %d pages, %d one-minute windows"
                        + " (at most %d calls in one), %.1f s of Patchbay's own time%n",
                done.getInt("run.accountsRead"), done.getString("run.state"), calls, done.getInt("run.pages"), windows,
                maxUsed, seconds);
        System.out.printf(Locale.ROOT, "floor: %d calls (%d-account SCIM pages + %d reads each) = %.0f minutes at the"
                        + " full %d/min, %.0f minutes at the run's %.0f%% share%n", floorCalls, SCIM_MAX_PAGE,
                READ_CALLS_PER_ACCOUNT, floorMinutes, CALLS_PER_MINUTE, floorMinutes / SHARE, SHARE * 100);
    }

    private int used(String connection) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select coalesce(max(used), 0) from rate_limit_budget where connection_id = :c")
                .setParameter("c", connection).getSingleResult())).intValue();
    }

    private void sql(String connection, String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement)
                .setParameter("c", connection).executeUpdate());
    }
}
