package dev.patchbay.connector.genesys;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.TestApi.createToken;
import static dev.patchbay.TestApi.uniqueConnectionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.EndToEnd;
import dev.patchbay.job.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end of a wave: once every job of the connection waits for a batch, nobody is left to join it, so the
 * last job to leave its step sends the batch at once instead of waiting out the linger (an hour here).
 */
@QuarkusTest
@TestProfile(GenesysBatchEndOfWaveTest.LongLinger.class)
class GenesysBatchEndOfWaveTest {

    /** Batched steps would wait an hour for other users'. */
    public static class LongLinger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.batch.linger", "1h");
        }
    }

    @Inject
    JobWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void theLastJobToWaitSendsTheBatchWithoutLingering() {
        GenesysSandbox.reset();
        new EndToEnd(worker, entityManager, null, null).drain();
        String connection = uniqueConnectionId("wave-end");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys Cloud sandbox",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        EndToEnd e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy("{\"groupRules\":[],\"mappings\":[]}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(e2e.oktaCreate("last" + i + "@example.com", "Last", "User" + i, GenesysBatchTest.SEAT));
        }
        String straggler = e2e.oktaCreate("straggler@example.com", "Straggler", "User", GenesysBatchTest.SEAT);
        holdBack(connection, straggler);

        e2e.drain();
        assertEquals(0, bulk("licenseBatch", "calls"), "a job that has not run yet may still join: the batch waits");

        dueNow(connection);
        e2e.drain();
        assertEquals(1, bulk("licenseBatch", "calls"), "the last to wait sent the four licenses at once");
        assertEquals(4, bulk("licenseBatch", "lastUsers"));
        assertEquals(1, bulk("queueMembersAdd", "calls"), "and then the four queue memberships");
        assertEquals(4, bulk("queueMembersAdd", "lastUsers"));
        ids.add(straggler);
        for (String id : ids) {
            assertEquals("provisioned", e2e.state(id), "nobody waited out the hour");
        }
    }

    /** The user's job is not due for an hour (it has not run when the others wait). */
    private void holdBack(String connection, String userId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update provisioning_job set next_attempt_at = now() + interval '1 hour'"
                                + " where connection_id = :c and user_id = cast(:u as uuid) and state = 'pending'")
                .setParameter("c", connection).setParameter("u", userId).executeUpdate());
    }

    private void dueNow(String connection) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update provisioning_job set next_attempt_at = now() where connection_id = :c and state = 'pending'"
                                + " and user_id not in (select user_id from batched_step where connection_id = :c)")
                .setParameter("c", connection).executeUpdate());
    }

    private static long bulk(String endpoint, String figure) {
        JsonPath state = GenesysSandbox.state();
        Object value = state.get("bulkCalls.'" + endpoint + "'." + figure);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
