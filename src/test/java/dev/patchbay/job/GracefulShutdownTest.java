package dev.patchbay.job;

import static dev.patchbay.scim.ScimFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stopping worker finishes the job in flight and claims nothing more: the other jobs stay free to run. */
@QuarkusTest
@TestProfile(GracefulShutdownTest.OwnApplication.class)
class GracefulShutdownTest {

    /** Its own application, since the worker it stops stays stopped. */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.worker.batch-size", "10");
        }
    }

    @Inject
    JobWorker worker;

    @Inject
    FakeVendor vendor;

    @Inject
    EntityManager entityManager;

    @Test
    void theJobInFlightFinishesAndNoOtherJobIsClaimed() {
        vendor.reset();
        ScimFixture scim = ScimFixture.create("shutdown");
        for (int i = 0; i < 3; i++) {
            scim.post("/Users", user("stop" + i + "@example.com")).statusCode(201);
        }
        vendor.onCreate(worker::stop);

        assertEquals(1, worker.runOnce("stopping-worker"), "only the job it runs was claimed");

        assertEquals(1, vendor.accounts().size(), "only the job in flight ran");
        assertEquals(1L, count(scim.connection, "done"), "and it finished");
        assertEquals(2L, count(scim.connection, "pending"), "the others were never leased");
        assertEquals(0L, count(scim.connection, "running"));
    }

    private long count(String connection, String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where connection_id = :c and state = :s")
                .setParameter("c", connection).setParameter("s", state).getSingleResult()).longValue());
    }
}
