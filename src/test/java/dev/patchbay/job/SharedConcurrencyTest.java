package dev.patchbay.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.RateLimit;
import dev.patchbay.provisioning.FakeVendor;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A vendor account that takes one request at a time (Five9's admin user) gets one, from two workers at once. */
@QuarkusTest
@TestProfile(SharedConcurrencyTest.OwnDatabase.class)
class SharedConcurrencyTest {

    /** Its own database: no other test's jobs run (and call the vendor) while it counts calls in flight. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patchbay.worker.batch-size", "5");
        }
    }

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    FakeVendor vendor;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetVendor() {
        vendor.reset();
    }

    @Test
    void twoWorkersNeverExceedAConcurrencyOfOneAndADeadWorkersLeaseDoesNotCount() throws Exception {
        vendor.reset();
        vendor.rateLimit(new RateLimit(List.of(new RateLimit.Window(1000, Duration.ofMinutes(1))), 1));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        vendor.onCreate(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(80);
            inFlight.decrementAndGet();
        });
        ScimFixture scim = ScimFixture.create("one-at-a-time");
        scim.createUser("orphaned@example.com");
        List<Job> dead = queue.claim("dead-worker", 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set lease_until = now() - interval '1 second' where worker = 'dead-worker'")
                .executeUpdate());
        for (int i = 0; i < 6; i++) {
            scim.createUser("single" + i + "@example.com");
        }

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain("worker-a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain("worker-b"));
        a.get();
        b.get();

        assertTrue(allProvisioned(), "every user was provisioned, the dead worker's one included");
        assertEquals(1, most.get(), "never two vendor calls at once");
    }

    private void drain(String workerId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!allProvisioned() && System.nanoTime() < deadline) {
            if (worker.runOnce(workerId) == 0) {
                sleep(50);
            }
        }
    }

    private boolean allProvisioned() {
        if (vendor.accountFor("orphaned@example.com").isEmpty()) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (vendor.accountFor("single" + i + "@example.com").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
