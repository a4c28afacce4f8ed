package dev.patchbay.connector.eightbyeight;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.uniqueConnectionId;

import dev.patchbay.job.RateLimiter;
import dev.patchbay.reconcile.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a reconciliation of 10,000 accounts in the 8x8 sandbox held to 8x8's real Admin API limits
 * (100 calls a minute, 20 per 10 seconds), its vendor calls, pages and rate-limit windows next to the floor
 * that the Admin API's largest page (1000 users) and the run's half share of the limit allow. A minute is
 * emulated (Patchbay's budget reset and the sandbox's clock moved on) whenever the run waits for the next
 * window, so the wall time measured is Patchbay's own cost; the time at the vendor is windows × 1 minute.
 * Run with {@code mvn -Pbench test -Dtest=EightByEightReconciliationBenchmark -Dquarkus.http.test-port=…}.
 */
@QuarkusTest
@TestProfile(EightByEightReconciliationBenchmark.ProductionPages.class)
class EightByEightReconciliationBenchmark {

    private static final int ACCOUNTS = 10_000;
    private static final int CALLS_PER_MINUTE = 100;
    private static final double SHARE = 0.5;

    /** The production page size, not the tests' small one. */
    public static class ProductionPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.reconcile.page-size", "1000");
        }
    }

    @Inject
    Reconciler reconciler;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    EntityManager entityManager;

    @Test
    void reconcileTenThousandAccounts() {
        EightByEightSandbox.reset();
        for (int i = 0; i < ACCOUNTS; i++) {
            EightByEightSandbox.seed("bench" + i + "@example.com");
        }
        EightByEightSandbox.tune(Map.of("rateLimitPerMinute", CALLS_PER_MINUTE, "burstPer10s", 20));
        EightByEightSandbox.advanceClock(60_000);
        String connection = uniqueConnectionId("bench-recon");
        admin().body(Map.of("id", connection, "vendor", "eightbyeight", "displayName", "bench",
                "settings", EightByEightSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        String run = admin().body(Map.of("preview", true)).post("/admin/v1/connections/{c}/reconciliations", connection)
                .then().statusCode(202).extract().path("id");

        long started = System.nanoTime();
        int windows = 1;
        int maxUsed = 0;
        int refusals = 0;
        while (true) {
            reconciler.runDue(connection, 100_000);
            maxUsed = Math.max(maxUsed, used(connection));
            if (rateLimiter.pausedUntil(connection).isPresent()) {
                refusals++;
                rateLimiter.resume(connection);
            }
            JsonPath progress = admin().get("/admin/v1/connections/{c}/reconciliations/{r}?size=1", connection, run)
                    .then().extract().jsonPath();
            System.out.printf(Locale.ROOT, "window %d: %d of %s accounts read, %d vendor calls%n", windows,
                    progress.getInt("run.accountsRead"), progress.getString("run.estimatedTotal"),
                    progress.getInt("run.vendorCalls"));
            if (!"running".equals(progress.getString("run.state")) || windows > 1000) {
                break;
            }
            // The next minute: a fresh window for Patchbay and for the sandbox.
            windows++;
            sql(connection, "delete from rate_limit_budget where connection_id = :c");
            sql(connection, "update reconciliation_run set next_page_at = now() where connection_id = :c");
            EightByEightSandbox.advanceClock(60_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonPath done = admin().get("/admin/v1/connections/{c}/reconciliations/{r}?size=1", connection, run)
                .then().extract().jsonPath();
        int calls = done.getInt("run.vendorCalls");
        int floorPages = (ACCOUNTS + EightByEightConnector.MAX_PAGE - 1) / EightByEightConnector.MAX_PAGE;
        int floorCalls = floorPages + 1;
        int floorWindows = (int) Math.ceil(floorCalls / (CALLS_PER_MINUTE * SHARE));
        System.out.printf(Locale.ROOT, "reconciled %d accounts (%s): %d vendor calls in %d pages, %d one-minute windows"
                        + " (at most %d calls in one), %d answered 429, %.1f s of Patchbay's own time%n",
                done.getInt("run.accountsRead"), done.getString("run.state"), calls, done.getInt("run.pages"), windows,
                maxUsed, refusals, seconds);
        System.out.printf(Locale.ROOT, "floor: %d calls (%d pages of %d + the SCIM count) = %d window(s) at the run's"
                        + " %.0f%% share of %d/min%n", floorCalls, floorPages, EightByEightConnector.MAX_PAGE,
                floorWindows, SHARE * 100, CALLS_PER_MINUTE);
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
