package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.job.JobWorker;
import dev.patchbay.job.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Genesys Cloud budget counts the connector's calls, follows the inin-ratelimit-* counters of each
 * answer, and spreads calls over the connection's OAuth clients; a client the login refuses is set aside
 * with a task while the other carries on.
 */
@QuarkusTest
class GenesysCallBudgetTest {

    static final String CLIENT = "sandbox-genesys-client";
    static final String CLIENT_2 = "sandbox-genesys-client-2";
    static final String SEAT = "{\"license\":\"cx1\",\"roles\":[\"Agent\"],\"queues\":[\"Support\"]}";

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    MeterRegistry metrics;

    String connection;
    EndToEnd e2e;

    @BeforeEach
    void sandbox() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
    }

    private void connect(Map<String, Object> settings) {
        connection = uniqueConnectionId("budget-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys Cloud sandbox",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy("{\"groupRules\":[],\"mappings\":[]}");
    }

    @Test
    void theBudgetCountsEveryCallTheVendorCountedAndTakesTheVendorsAllowance() {
        connect(GenesysSandbox.settings());
        String id = e2e.oktaCreate("counted@example.com", "Counted", "Calls", SEAT);
        e2e.drain();
        assertEquals("provisioned", e2e.state(id));

        int vendorCounted = GenesysSandbox.state().getInt("callsByClient.'" + CLIENT + "'");
        RateLimiter.WindowUse minute = minute();
        assertTrue(vendorCounted > 5, "a sync with license, role and queue takes several calls: " + vendorCounted);
        assertEquals(vendorCounted, minute.used(), "every call counted, none twice");
        assertEquals(100000, minute.calls(), "the allowance Genesys reported, not the declared 300");
    }

    @Test
    void aWaveStopsAtTheVendorsCountAndWaitsForItsWindowInsteadOfMeetingA429() {
        connect(GenesysSandbox.settings());
        GenesysSandbox.tunables(86400, 30);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(e2e.oktaCreate("wave" + i + "@example.com", "Wave", "User" + i, SEAT));
        }
        Instant started = Instant.now();
        e2e.drain();

        JsonPath sandbox = GenesysSandbox.state();
        assertEquals(0, sandbox.getInt("rateLimited"), "no call met a 429");
        int vendorCounted = sandbox.getInt("callsByClient.'" + CLIENT + "'");
        assertTrue(vendorCounted <= 30 && vendorCounted >= 30 - GenesysCapabilities.capabilities().rateLimit().reservedPerStep(),
                "the window was used up to the vendor's 30: " + vendorCounted);
        RateLimiter.WindowUse minute = minute();
        assertEquals(30, minute.calls(), "the vendor's allowance");
        assertTrue(minute.resetsAt().isBefore(started.plusSeconds(62)), "the window is the vendor's: " + minute);
        long waiting = ids.stream().filter(id -> !"provisioned".equals(e2e.state(id))).count();
        assertTrue(waiting > 0, "the rest of the wave waits for the vendor's next window");
        Instant due = firstDue();
        assertTrue(!due.isBefore(minute.resetsAt().minusSeconds(1)), "they are due when the window resets: " + due);
    }

    /** Once a job finds the window spent, the rest wait for it too: none is run only to find out. */
    @Test
    void aSpentWindowHoldsTheRestOfTheWaveInsteadOfRunningEachJobToFindOut() {
        connect(GenesysSandbox.settings());
        GenesysSandbox.tunables(86400, 12);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(e2e.oktaCreate("held" + i + "@example.com", "Held", "User" + i, SEAT));
        }
        e2e.drain();

        long waiting = ids.stream().filter(id -> !"provisioned".equals(e2e.state(id))).count();
        assertTrue(waiting > 1, "the window of 12 calls leaves most of the wave waiting: " + waiting);
        double refused = metrics.find("patchbay_budget_reservations_total").tags("connection", connection,
                "outcome", "refused").counter().count();
        assertTrue(refused <= 2, "one job found the window spent (for its batch and its step), the others were held: "
                + refused);
        Instant due = firstDue();
        assertTrue(!due.isBefore(minute().resetsAt().minusSeconds(1)), "they are due when the window resets: " + due);
    }

    @Test
    void callsSpreadOverTwoOAuthClientsAndTheBudgetIsTheirsTogether() {
        Map<String, Object> settings = GenesysSandbox.settings();
        settings.put("clientId2", CLIENT_2);
        settings.put("clientSecret2", "sandbox-genesys-secret-2");
        connect(settings);
        assertEquals(600, budgetLimit().windows().get(0).calls(), "300 a minute for each client");
        e2e.oktaCreate("spread1@example.com", "Spread", "One", SEAT);
        e2e.oktaCreate("spread2@example.com", "Spread", "Two", SEAT);
        e2e.drain();

        JsonPath sandbox = GenesysSandbox.state();
        int first = sandbox.getInt("callsByClient.'" + CLIENT + "'");
        int second = sandbox.getInt("callsByClient.'" + CLIENT_2 + "'");
        assertTrue(Math.abs(first - second) <= 1, "calls in turn: " + first + " and " + second);
        assertEquals(2, sandbox.getInt("tokensIssued"), "one token per client");
        RateLimiter.WindowUse minute = minute();
        assertEquals(first + second, minute.used(), "the clients' counts add up");
        assertEquals(200000, minute.calls(), "both clients' allowances");
    }

    @Test
    void aClientTheLoginRefusesIsSetAsideWithATaskAndTheOtherCarriesOn() {
        Map<String, Object> settings = GenesysSandbox.settings();
        settings.put("clientId2", CLIENT_2);
        settings.put("clientSecret2", "not-the-secret");
        connect(settings);
        String id = e2e.oktaCreate("aside@example.com", "Set", "Aside", SEAT);
        e2e.drain();

        assertEquals("provisioned", e2e.state(id), "the first client did the work");
        JsonPath sandbox = GenesysSandbox.state();
        assertTrue(sandbox.getMap("callsByClient").get(CLIENT_2) == null, "the refused client made no call");
        admin().queryParam("connection", connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .statusCode(200)
                .body("items.findAll { it.kind == 'vendor_credential_set_aside' }.field",
                        org.hamcrest.Matchers.equalTo(List.of(CLIENT_2)));
    }

    @Test
    void aSecondClientWithoutItsSecretIsRefusedWhenTheConnectionIsSaved() {
        Map<String, Object> settings = GenesysSandbox.settings();
        settings.put("clientId2", CLIENT_2);
        admin().body(Map.of("id", uniqueConnectionId("budget-genesys"), "vendor", "genesys", "displayName", "x",
                "settings", settings)).post("/admin/v1/connections").then().statusCode(400);
    }

    private RateLimit budgetLimit() {
        return new GenesysConnectorFactory(null, java.time.Clock.systemUTC()).rateLimit(
                QuarkusTransaction.requiringNew().call(() -> dev.patchbay.store.Connection
                        .<dev.patchbay.store.Connection>findById(connection).settings));
    }

    private RateLimiter.WindowUse minute() {
        return rateLimiter.usage(connection, budgetLimit()).get(0);
    }

    private Instant firstDue() {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager.createNativeQuery(
                "select min(next_attempt_at) from provisioning_job where connection_id = :c and state = 'pending'")
                .setParameter("c", connection).getSingleResult());
    }
}
