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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Genesys licenses and queue memberships of users due together go out in shared calls, each user's
 * outcome its own. The batches wait an hour here, so the test decides when they are due.
 */
@QuarkusTest
@TestProfile(GenesysBatchTest.LongLinger.class)
class GenesysBatchTest {

    /** Batched steps wait an hour for other users' unless the test makes them due. */
    public static class LongLinger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.batch.linger", "1h", "patchbay.batch.when-every-job-waits", "false");
        }
    }

    static final String SEAT = "{\"license\":\"cx1\",\"queues\":[\"Support\"]}";

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
        connection = uniqueConnectionId("batch-genesys");
        admin().body(Map.of("id", connection, "vendor", "genesys", "displayName", "Genesys Cloud sandbox",
                "settings", GenesysSandbox.settings())).post("/admin/v1/connections").then().statusCode(201);
        e2e = new EndToEnd(worker, entityManager, connection, createToken(connection));
        e2e.policy("{\"groupRules\":[],\"mappings\":[]}");
    }

    @Test
    void usersDueTogetherShareOneLicenseCallAndOneQueueCall() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(e2e.oktaCreate("together" + i + "@example.com", "Together", "User" + i, SEAT));
        }
        e2e.drain();
        assertEquals(5, waiting(), "each created user left its license to go with the others'");
        assertEquals(0, bulk("licenseBatch", "calls"));

        batchesDue();
        assertEquals(1, bulk("licenseBatch", "calls"), "one license call");
        assertEquals(5, bulk("licenseBatch", "lastUsers"), "for the five users");
        assertEquals(5, waiting(), "then each left its queue membership");

        batchesDue();
        assertEquals(1, bulk("queueMembersAdd", "calls"), "one queue call");
        assertEquals(5, bulk("queueMembersAdd", "lastUsers"));
        JsonPath sandbox = GenesysSandbox.state();
        for (String id : ids) {
            assertEquals("provisioned", e2e.state(id));
            String vendorId = e2e.vendorId(id);
            assertEquals(List.of("cx1"), sandbox.getList("users.find { it.id == '" + vendorId + "' }.licenses"));
            assertTrue(sandbox.<String>getList("queueMembers.'" + GenesysSandbox.SUPPORT_QUEUE + "'").contains(vendorId));
        }
    }

    @Test
    void aUserTheBatchFailsForFailsAloneAndTheOthersAreNotSentAgain() {
        String first = e2e.oktaCreate("kept1@example.com", "Kept", "One", SEAT);
        String second = e2e.oktaCreate("kept2@example.com", "Kept", "Two", SEAT);
        String gone = e2e.oktaCreate("gone@example.com", "Gone", "User", SEAT);
        e2e.drain();
        assertEquals(3, waiting());
        deleteInGenesys(e2e.vendorId(gone));

        batchesDue();
        assertEquals(1, bulk("licenseBatch", "calls"));
        assertEquals(3, bulk("licenseBatch", "lastUsers"), "one call carried all three");
        e2e.scim("GET", "/Users/" + gone, null).statusCode(200);
        assertEquals("failed", e2e.state(gone), "the user Genesys refused failed with its own reason");
        String reason = admin().get("/admin/v1/connections/{c}/users/{u}/timeline", connection, gone).then()
                .extract().asString();
        assertTrue(reason.contains("not found"), reason);

        batchesDue();
        assertEquals(1, bulk("licenseBatch", "calls"), "the users it went through for were not sent again");
        assertEquals(1, bulk("queueMembersAdd", "calls"));
        assertEquals(2, bulk("queueMembersAdd", "lastUsers"), "the two carried on to their queues together");
        assertEquals("provisioned", e2e.state(first));
        assertEquals("provisioned", e2e.state(second));
    }

    /** Every batched step waiting is due now, and so are the jobs waiting for them; runs them. */
    private void batchesDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update batched_step set created = now() - interval '2 hours'"
                    + " where connection_id = :c").setParameter("c", connection).executeUpdate();
            entityManager.createNativeQuery("update provisioning_job set next_attempt_at = now()"
                    + " where connection_id = :c and state = 'pending'").setParameter("c", connection).executeUpdate();
        });
        e2e.drain();
    }

    private long waiting() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from batched_step where connection_id = :c and state = 'pending'")
                .setParameter("c", connection).getSingleResult()).longValue());
    }

    private static long bulk(String endpoint, String figure) {
        JsonPath state = GenesysSandbox.state();
        Object value = state.get("bulkCalls.'" + endpoint + "'." + figure);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void deleteInGenesys(String vendorId) {
        String token = given().auth().preemptive().basic("sandbox-genesys-client", "sandbox-genesys-secret")
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials")
                .post(GenesysSandbox.base() + "/oauth/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).delete(GenesysSandbox.base() + "/api/v2/users/" + vendorId).then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }
}
