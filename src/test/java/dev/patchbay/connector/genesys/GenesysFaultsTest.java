package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor faults that must pass quickly, against the Genesys Cloud sandbox with the worker running in
 * real time: transient 5xx storms, 401s on a live client, and a login that refuses the credentials.
 */
@QuarkusTest
class GenesysFaultsTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    String connection;
    EndToEnd e2e;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = connect(GenesysSandbox.settings());
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    @Test
    void aStormOfFaultsWithoutRetryAfterBacksOffTheJobsAloneAndDrainsSoon() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(e2e.oktaCreate("storm" + i + "@example.com", "Storm", "User" + i, "{\"license\":\"cx1\"}"));
        }
        GenesysSandbox.fault("[{\"type\":\"status\",\"status\":503,\"api\":\"api\",\"count\":40}]");

        Instant lastFault = null;
        Instant latestRetryAfterIt = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!users.stream().allMatch(id -> "provisioned".equals(e2e.state(id))) && System.nanoTime() < deadline) {
            if (worker.runOnce("faults-worker") == 0) {
                sleep(200);
            }
            if (lastFault == null && GenesysSandbox.state().getList("faults").isEmpty()) {
                lastFault = Instant.now();
                latestRetryAfterIt = latestPendingAttempt();
            }
        }

        assertTrue(users.stream().allMatch(id -> "provisioned".equals(e2e.state(id))), "every user got through");
        assertEquals(List.of(), GenesysSandbox.state().getList("faults"), "all 40 faults were hit");
        assertNull(pausedUntil(), "no 503 paused the vendor account");
        // What drains the queue after the storm is each job's own backoff: none is due later than a minute
        // after the last fault (an account pause per fault, inin-ratelimit-reset, would be a minute each).
        assertTrue(latestRetryAfterIt == null || latestRetryAfterIt.isBefore(lastFault.plus(Duration.ofMinutes(1))),
                "last fault at " + lastFault + ", a job was scheduled for " + latestRetryAfterIt);
    }

    @Test
    void twoApi401sOnALiveClientRenewTheTokenAndRetryAtOnce() {
        String id = e2e.oktaCreate("renewed@example.com", "Grace", "Hopper", "{\"license\":\"cx1\"}");
        GenesysSandbox.fault("[{\"type\":\"status\",\"status\":401,\"api\":\"api\",\"count\":2}]");

        runUntil(() -> "provisioned".equals(e2e.state(id)), Duration.ofSeconds(30));

        assertEquals("provisioned", e2e.state(id), "not failed for ten minutes");
        assertTrue(GenesysSandbox.state().getInt("tokensIssued") >= 2, "the refused token was replaced");
        assertEquals(List.of(), openTasks(connection));
    }

    @Test
    void aLoginThatRefusesTheCredentialsPausesTheConnectionWithOneTaskUntilTheyWork() {
        Map<String, Object> wrong = new HashMap<>(GenesysSandbox.settings());
        wrong.put("clientSecret", "not-the-secret");
        String paused = connect(wrong);
        EndToEnd bad = new EndToEnd(worker, entityManager, paused, createToken(paused));
        List<String> users = List.of(bad.oktaCreate("p1@example.com", "P", "One", "{\"license\":\"cx1\"}"),
                bad.oktaCreate("p2@example.com", "P", "Two", "{\"license\":\"cx1\"}"),
                bad.oktaCreate("p3@example.com", "P", "Three", "{\"license\":\"cx1\"}"));
        bad.drain();

        List<Map<String, Object>> tasks = openTasks(paused);
        assertEquals(1, tasks.size(), "one task for the connection, not one per user: " + tasks);
        assertEquals("vendor_credentials", tasks.get(0).get("kind"));
        assertNull(tasks.get(0).get("userId"));
        assertEquals(3L, jobs(paused, "pending"), "every user waits; none is dead-lettered");
        assertTrue(GenesysSandbox.state().getList("users.findAll { it.email.startsWith('p') }").isEmpty());

        admin().body(Map.of("displayName", "Fixed", "settings", GenesysSandbox.settings()))
                .put("/admin/v1/connections/{c}", paused).then().statusCode(200);
        bad.settle();

        assertTrue(users.stream().allMatch(id -> "provisioned".equals(bad.state(id))));
        assertEquals(List.of(), openTasks(paused), "the first sync that went through closed the task");
    }

    private String connect(Map<String, Object> settings) {
        String id = uniqueConnectionId("faults-genesys");
        admin().body(Map.of("id", id, "vendor", "genesys", "displayName", "Genesys faults", "settings", settings))
                .post("/admin/v1/connections").then().statusCode(201);
        return id;
    }

    /** Runs the worker as the scheduler would: due jobs now, otherwise a short pause. */
    private void runUntil(java.util.function.BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            if (worker.runOnce("faults-worker") == 0) {
                sleep(200);
            }
        }
    }

    private List<Map<String, Object>> openTasks(String connectionId) {
        JsonPath tasks = admin().get("/admin/v1/tasks?connection={c}&status=open", connectionId).then()
                .statusCode(200).extract().jsonPath();
        return tasks.getList("items");
    }

    /** When the connection's last pending job is due, or null when none is pending. */
    private Instant latestPendingAttempt() {
        Object latest = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select max(next_attempt_at) from provisioning_job where connection_id = :c and state = 'pending'")
                .setParameter("c", connection).getSingleResult());
        return latest == null ? null : latest instanceof Instant instant ? instant
                : ((java.time.OffsetDateTime) latest).toInstant();
    }

    private Object pausedUntil() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select paused_until from rate_limit_window where connection_id = :c")
                .setParameter("c", connection).getResultList());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long jobs(String connectionId, String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where connection_id = :c and state = :s")
                .setParameter("c", connectionId).setParameter("s", state).getSingleResult()).longValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
