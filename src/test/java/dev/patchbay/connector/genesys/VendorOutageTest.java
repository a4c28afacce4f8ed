package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long Genesys outage (every API call answers 503): the vendor account's circuit opens after five
 * failures and no job calls the vendor while it is open; jobs are retried for a day, not eight attempts,
 * so half an hour of outage and twenty attempts kill none; once a probe goes through every waiting user is
 * provisioned. Time is moved on by the test (probe times and failure starts), not waited for.
 */
@QuarkusTest
@TestProfile(VendorOutageTest.Circuit.class)
class VendorOutageTest {

    public static class Circuit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.circuit.failures", "5", "patchbay.circuit.probe-interval", "10m",
                    "patchbay.circuit.max-probe-interval", "20m");
        }
    }

    private static final int OUTAGE_CALLS = 100000;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    dev.patchbay.job.QueueMetrics queueMetrics;

    private String connection;
    private EndToEnd e2e;

    @BeforeEach
    void connection() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        connection = uniqueConnectionId("outage-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys outage",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
    }

    @Test
    void theCircuitStopsCallsDuringAnOutageAndEveryUserIsProvisionedWhenTheVendorIsBack() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(e2e.oktaCreate("outage" + i + "@example.com", "Out", "Age" + i, "{\"license\":\"cx1\"}"));
        }
        GenesysSandbox.fault("[{\"type\":\"status\",\"status\":503,\"api\":\"api\",\"count\":" + OUTAGE_CALLS + "}]");

        runDueJobs(3);
        int openedAfter = callsMade();
        assertTrue(openedAfter >= 5, "five failures open the circuit: " + openedAfter);
        assertTrue(circuitOpen(), "the circuit is open");
        queueMetrics.refresh();
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "patchbay_vendor_circuit_open{connection=\"" + connection + "\"} 1.0"));

        runDueJobs(10);
        assertEquals(openedAfter, callsMade(), "no job called the vendor while the circuit was open");

        // Half an hour later, every user tried twenty times: the probe fails, nobody is dead.
        sql("update provisioning_job set attempts = 20, failing_since = now() - interval '30 minutes'"
                + " where connection_id = '" + connection + "' and state = 'pending'");
        sql("update vendor_circuit set probe_at = now() where connection_id = '" + connection + "'");
        runDueJobs(3);
        assertEquals(openedAfter + 1, callsMade(), "one job probed the vendor, the others waited");
        assertEquals(0L, jobs("dead"), "an outage of half an hour kills no job");
        given().get("/q/health/ready").then().statusCode(200);

        // The vendor is back: the next probe goes through and every waiting user goes on at once.
        given().delete(GenesysSandbox.base() + "/_control/faults").then().statusCode(204);
        sql("update vendor_circuit set probe_at = now() where connection_id = '" + connection + "'");
        runDueJobs(1);
        e2e.settle();
        assertTrue(users.stream().allMatch(id -> "provisioned".equals(e2e.state(id))),
                () -> users.stream().map(e2e::state).toList().toString());
        assertEquals(0L, jobs("dead"));
        assertTrue(!circuitOpen(), "the first success closed the circuit");
        queueMetrics.refresh();
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "patchbay_vendor_circuit_open{connection=\"" + connection + "\"} 0.0"));
    }

    @Test
    void aJobStillFailingAfterTheRetryWindowIsDeadWithTheReason() {
        String id = e2e.oktaCreate("longgone@example.com", "Long", "Gone", "{\"license\":\"cx1\"}");
        GenesysSandbox.fault("[{\"type\":\"status\",\"status\":503,\"api\":\"api\",\"count\":" + OUTAGE_CALLS + "}]");
        runDueJobs(1);
        assertEquals(0L, jobs("dead"));
        sql("update provisioning_job set failing_since = now() - interval '25 hours' where connection_id = '"
                + connection + "'");
        runDueJobs(1);
        assertEquals(1L, jobs("dead"));
        String error = admin().get("/admin/v1/connections/{c}/jobs/dead", connection).then().statusCode(200)
                .extract().path("items[0].lastError");
        assertTrue(error.contains("503") && error.contains("minutes)"), error);
        assertEquals("pending", e2e.state(id), "its account never got further than pending");
    }

    /** Makes the connection's waiting jobs due and runs the worker, {@code rounds} times. */
    private void runDueJobs(int rounds) {
        for (int round = 0; round < rounds; round++) {
            sql("update provisioning_job set next_attempt_at = now() where connection_id = '" + connection
                    + "' and state = 'pending'");
            worker.runOnce("outage-worker");
        }
    }

    private int callsMade() {
        List<Integer> left = GenesysSandbox.state().getList("faults.count");
        return OUTAGE_CALLS - (left.isEmpty() ? 0 : left.get(0));
    }

    private boolean circuitOpen() {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "select 1 from vendor_circuit where connection_id = :c and opened_at is not null")
                .setParameter("c", connection).getResultList().isEmpty());
    }

    private long jobs(String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where connection_id = :c and state = :s")
                .setParameter("c", connection).setParameter("s", state).getSingleResult()).longValue());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
