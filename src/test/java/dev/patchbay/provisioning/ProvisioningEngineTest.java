package dev.patchbay.provisioning;

import static dev.patchbay.TestApi.admin;
import static dev.patchbay.scim.ScimFixture.patchOp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.job.Job;
import dev.patchbay.job.JobQueue;
import dev.patchbay.job.JobWorker;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine end to end: SCIM write → job in the same transaction → worker → fake vendor. */
@QuarkusTest
class ProvisioningEngineTest {

    private static final String PATCHBAY = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    @Inject
    FakeVendor vendor;

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    @Inject
    dev.patchbay.job.QueueMetrics queueMetrics;

    @Inject
    ProvisioningEvents events;

    private ScimFixture scim;

    @BeforeEach
    void fixture() {
        vendor.reset();
        drainAll();
        scim = ScimFixture.create("engine");
    }

    private String createAgent(String userName) {
        return scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s",
                 "displayName":"Agent","emails":[{"type":"work","value":"%2$s"}],
                 "%1$s":{"license":"CX 2","site":"London","roles":["Agent"],"queues":["Sales","Support"],
                         "skills":[{"name":"French","level":4}]}}""".formatted(PATCHBAY, userName))
                .statusCode(201).extract().path("id");
    }

    /** Runs the worker until no due job is left (other tests' leftovers included). */
    private void drainAll() {
        for (int i = 0; i < 100 && worker.runOnce("test-worker") > 0; i++) {
            // keep going
        }
    }

    private void makeDue(String userId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set next_attempt_at = now() - interval '1 second'"
                        + " where state = 'pending' and user_id = cast(:u as uuid)")
                .setParameter("u", userId).executeUpdate());
    }

    /** Runs the worker until the user's job ran once more (other tests' due jobs may come first). */
    private void runWhileDue(String userId) {
        long before = attempts(userId);
        for (int round = 0; round < 20 && attempts(userId) == before; round++) {
            worker.runOnce("test-worker");
        }
    }

    private long attempts(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(attempts), 0) from provisioning_job where user_id = cast(:u as uuid)"
                                + " and state <> 'done'")
                .setParameter("u", userId).getSingleResult()).longValue());
    }

    private long jobs(String state, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where state = :s and user_id = cast(:u as uuid)")
                .setParameter("s", state).setParameter("u", userId).getSingleResult()).longValue());
    }

    @Test
    void aScimCreateIsQueuedWithItsWriteAndProvisionedInTheVendorsOrder() {
        String id = createAgent("ada@example.com");
        assertEquals(1, jobs("pending", id), "the job was committed with the SCIM write");
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("pending"));

        drainAll();

        Seat account = vendor.accountFor("ada@example.com").orElseThrow();
        assertEquals("London", account.text(SeatField.SITE));
        assertEquals("CX 2", account.text(SeatField.LICENSE));
        assertEquals(Set.of("Sales", "Support"), account.get(SeatField.QUEUES));
        assertEquals(Map.of("French", 4), account.get(SeatField.SKILLS));
        assertEquals(List.of("find ada@example.com", "create ada@example.com", "set license ada@example.com",
                "set roles ada@example.com", "set skills ada@example.com", "set queues ada@example.com"), vendor.calls());
        scim.get("/Users/" + id).statusCode(200)
                .body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"))
                .body("'" + PATCHBAY + "'.provisioning.vendorId", startsWith("fake-"))
                .body("'" + PATCHBAY + "'.provisioning.pendingSteps", equalTo(0))
                .body("'" + PATCHBAY + "'.license", equalTo("CX 2"));
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", scim.connection, id).then().statusCode(200)
                .body("account.status", equalTo("provisioned"))
                .body("events.detail", hasItem("create"))
                .body("events.detail", hasItem("set queues"));
    }

    @Test
    void aBurstOfChangesBecomesOneVendorUpdate() {
        String id = createAgent("burst@example.com");
        drainAll();
        for (int i = 0; i < 5; i++) {
            scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Name " + i + "\"}"))
                    .statusCode(200);
        }
        assertEquals(1, jobs("pending", id), "five writes, one pending job");
        int before = vendor.calls().size();
        drainAll();
        List<String> newCalls = vendor.calls().subList(before, vendor.calls().size());
        assertEquals(List.of("update burst@example.com [DISPLAY_NAME]"), newCalls);
        assertEquals("Name 4", vendor.accountFor("burst@example.com").orElseThrow().text(SeatField.DISPLAY_NAME));
    }

    @Test
    void aWorkerDyingBetweenTheVendorCallAndTheCommitCreatesNoDuplicate() {
        String id = createAgent("crash@example.com");
        vendor.crashAfterNextCreate();
        assertThrows(FakeVendor.Crash.class, () -> worker.runOnce("worker-that-dies"));
        assertEquals(1, vendor.accounts().size(), "the vendor created the account");
        assertEquals(1, jobs("running", id), "the job is still leased by the dead worker");
        // Another worker must not take it while the lease holds.
        assertEquals(0, worker.runOnce("second-worker"));
        // Only this user's lease: other tests' jobs stay as they are.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set lease_until = now() - interval '1 second'"
                        + " where state = 'running' and user_id = cast(:u as uuid)")
                .setParameter("u", id).executeUpdate());

        drainAll();

        assertEquals(1, vendor.accounts().values().stream()
                .filter(seat -> "crash@example.com".equals(seat.text(SeatField.USER_NAME))).count(),
                "the account was found and adopted, not created twice");
        assertEquals(1, vendor.calls().stream().filter(call -> call.equals("create crash@example.com")).count());
        assertEquals("CX 2", vendor.accountFor("crash@example.com").orElseThrow().text(SeatField.LICENSE));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
    }

    @Test
    void changesToOneUserNeverRunInParallel() {
        String id = createAgent("order@example.com");
        List<Job> claimed = queue.claim("worker-a", 10, Duration.ofMinutes(5));
        assertTrue(claimed.stream().anyMatch(job -> job.userId().toString().equals(id)));
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Later\"}"))
                .statusCode(200);
        assertEquals(1, jobs("pending", id));
        assertTrue(queue.claim("worker-b", 10, Duration.ofMinutes(5)).stream()
                        .noneMatch(job -> job.userId().toString().equals(id)),
                "the later change waits while the earlier one runs");
        claimed.forEach(job -> queue.complete(job.id()));
        drainAll();
        assertEquals("Later", vendor.accountFor("order@example.com").orElseThrow().text(SeatField.DISPLAY_NAME));
    }

    @Test
    void concurrentWritesAndTwoWorkersEndWithTheLastWrite() throws Exception {
        String id = createAgent("race@example.com");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "Name " + i;
                work.add(pool.submit(() -> scim.patch("/Users/" + id, patchOp(
                        "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name + "\"}")).statusCode(200)));
                work.add(pool.submit(() -> worker.runOnce(Thread.currentThread().getName())));
            }
            for (java.util.concurrent.Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        drainAll();
        String last = scim.get("/Users/" + id).extract().path("displayName");
        assertEquals(last, vendor.accountFor("race@example.com").orElseThrow().text(SeatField.DISPLAY_NAME));
        assertEquals(1, vendor.calls().stream().filter(call -> call.startsWith("create")).count());
    }

    @Test
    void finishedJobsArePurgedAfterTheRetentionButDeadLettersStay() {
        String id = createAgent("purge@example.com");
        drainAll();
        assertTrue(jobs("done", id) >= 1);
        assertEquals(0, queue.purgeDone(Duration.ofDays(7)), "recent jobs stay");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set updated = now() - interval '8 days' where user_id = cast(:u as uuid)")
                .setParameter("u", id).executeUpdate());
        assertTrue(queue.purgeDone(Duration.ofDays(7)) >= 1);
        assertEquals(0, jobs("done", id));

        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", scim.connection, id).then()
                .body("events.size()", org.hamcrest.Matchers.greaterThan(0));
        assertEquals(0, events.purgeOlderThan(Duration.ofDays(90)), "recent timeline entries stay");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_event set at = now() - interval '91 days' where user_id = cast(:u as uuid)")
                .setParameter("u", id).executeUpdate());
        assertTrue(events.purgeOlderThan(Duration.ofDays(90)) >= 1);
        admin().get("/admin/v1/connections/{c}/users/{u}/timeline", scim.connection, id).then()
                .body("events", hasSize(0));
    }

    @Test
    void retryAfterIsHonoured() {
        String id = createAgent("busy@example.com");
        vendor.failNext("busy@example.com", () -> new ConnectorException.Retryable("429 Too Many Requests", Duration.ofSeconds(120)));
        Instant before = Instant.now();
        worker.runOnce("test-worker");
        assertEquals(1, jobs("pending", id));
        Instant due = QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager.createNativeQuery(
                        "select next_attempt_at from provisioning_job where state = 'pending' and user_id = cast(:u as uuid)")
                .setParameter("u", id).getSingleResult());
        assertFalse(due.isBefore(before.plusSeconds(119)), "not retried before the vendor's Retry-After: " + due);
        assertEquals(0, worker.runOnce("test-worker"), "nothing is due yet");
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("pending"))
                .body("'" + PATCHBAY + "'.provisioning.lastError", equalTo("429 Too Many Requests"));

        String other = createAgent("patient@example.com");
        worker.runOnce("worker-on-another-instance");
        assertTrue(vendor.accountFor("patient@example.com").isEmpty(),
                "the vendor account is paused for every worker until its Retry-After");
        assertEquals(1, jobs("pending", other));

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update rate_limit_window set paused_until = now() - interval '1 second' where connection_id = :c")
                .setParameter("c", scim.connection).executeUpdate());
        makeDue(id);
        makeDue(other);
        drainAll();
        assertTrue(vendor.accountFor("busy@example.com").isPresent());
        assertTrue(vendor.accountFor("patient@example.com").isPresent());
    }

    @Test
    void failuresThatGoOnLongerThanTheRetryWindowEndInADeadLetterThatAnAdminCanRedrive() {
        String id = createAgent("down@example.com");
        for (int attempt = 0; attempt < 3; attempt++) {
            vendor.failNext("down@example.com", () -> new ConnectorException.Retryable("503 Service Unavailable", null));
            makeDue(id);
            runWhileDue(id);
        }
        assertEquals(0, jobs("dead", id), "retried for a day, not for the vendor's attempt count");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set failing_since = now() - interval '25 hours' where user_id = :user")
                .setParameter("user", UUID.fromString(id)).executeUpdate());
        vendor.failNext("down@example.com", () -> new ConnectorException.Retryable("503 Service Unavailable", null));
        makeDue(id);
        runWhileDue(id);
        assertEquals(1, jobs("dead", id));
        queueMetrics.refresh();
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "patchbay_jobs_dead{connection=\"" + scim.connection + "\"} 1.0"))
                .body(org.hamcrest.Matchers.containsString(
                        "patchbay_vendor_steps_total{connection=\"" + scim.connection + "\",outcome=\"retry\"} 4.0"));
        String jobId = admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].userId", equalTo(id))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].lastError", startsWith("503 Service Unavailable"))
                .extract().path("items[0].id").toString();
        assertTrue(vendor.accountFor("down@example.com").isEmpty());

        admin().post("/admin/v1/connections/{c}/jobs/{j}/redrive", scim.connection, jobId).then().statusCode(202);
        admin().post("/admin/v1/connections/{c}/jobs/{j}/redrive", scim.connection, jobId).then().statusCode(404);
        drainAll();
        assertTrue(vendor.accountFor("down@example.com").isPresent());
        admin().get("/admin/v1/connections/{c}/jobs/dead", scim.connection).then().body("items", hasSize(0));
    }

    @Test
    void aPermanentRejectionFailsAtOnceAndShowsTheReason() {
        String id = createAgent("rejected@example.com");
        vendor.failNext("rejected@example.com", () -> new ConnectorException.Rejected("License pool exhausted for CX 2"));
        worker.runOnce("test-worker");
        assertEquals(1, jobs("dead", id));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("failed"))
                .body("'" + PATCHBAY + "'.provisioning.lastError", equalTo("License pool exhausted for CX 2"));
    }

    @Test
    void anImmutableChangeBecomesATaskWhileEverythingElseSyncs() {
        String id = createAgent("moves@example.com");
        drainAll();
        scim.patch("/Users/" + id, patchOp("""
                {"op":"replace","path":"%1$s:site","value":"Paris"},
                {"op":"replace","path":"%1$s:license","value":"CX 3"}""".formatted(PATCHBAY))).statusCode(200);
        drainAll();
        Seat account = vendor.accountFor("moves@example.com").orElseThrow();
        assertEquals("London", account.text(SeatField.SITE), "no vendor call changes the site");
        assertEquals("CX 3", account.text(SeatField.LICENSE), "the license still syncs");
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
        String taskId = admin().queryParam("connection", scim.connection).queryParam("status", "open")
                .get("/admin/v1/tasks").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("immutable_change"))
                .body("items[0].field", equalTo("site"))
                .body("items[0].reason", equalTo("The site cannot change: recreate the user at Paris or revert the IdP value"))
                .body("items[0].consolePath", equalTo("Users > Profile"))
                .extract().path("items[0].id");

        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Again\"}"));
        drainAll();
        admin().queryParam("connection", scim.connection).get("/admin/v1/tasks").then().body("items", hasSize(1));

        admin().body("{\"closedBy\":\"ops@example.com\"}").post("/admin/v1/tasks/{id}/complete", taskId).then()
                .statusCode(200).body("status", equalTo("done")).body("closedBy", equalTo("ops@example.com"));
        admin().body("{}").post("/admin/v1/tasks/{id}/dismiss", taskId).then().statusCode(409);
        admin().body("{}").post("/admin/v1/tasks/{id}/complete", UUID.randomUUID()).then().statusCode(404);
        admin().queryParam("status", "finished").get("/admin/v1/tasks").then().statusCode(400);
    }

    @Test
    void deactivationRunsTheOffboardingChecklist() {
        String id = createAgent("leaver@example.com");
        drainAll();
        int before = vendor.calls().size();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        drainAll();
        assertEquals(List.of("clear queues leaver@example.com", "deactivate leaver@example.com"),
                vendor.calls().subList(before, vendor.calls().size()));
        admin().queryParam("connection", scim.connection).get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("billing_cancellation"));

        before = vendor.calls().size();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}")).statusCode(200);
        drainAll();
        assertEquals(List.of("reactivate leaver@example.com", "set roles leaver@example.com",
                        "set skills leaver@example.com", "set queues leaver@example.com"),
                vendor.calls().subList(before, vendor.calls().size()));
    }

    @Test
    void tasksTheVendorShowsDoneAreVerifiedAndClosed() {
        String id = createAgent("verify@example.com");
        drainAll();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        drainAll();
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
        vendor.showDone("billing_cancellation");
        assertTrue(queue.enqueueUsersWithOpenTasks() >= 1);
        drainAll();
        admin().queryParam("connection", scim.connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'billing_cancellation' }.status", equalTo("verified"))
                .body("items.find { it.kind == 'billing_cancellation' }.closedBy", equalTo("connector"));
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("provisioned"));
    }

    @Test
    void aStepThatNeedsAPersonBecomesATaskWhileTheOtherStepsGoOn() {
        String id = createAgent("pool@example.com");
        drainAll();
        vendor.failNext("pool@example.com", () -> new dev.patchbay.connector.ConnectorException.NeedsAction(
                "no CX 3 license is free", new dev.patchbay.connector.TaskTemplate("license_unavailable",
                        "Buy or free a license", "Licenses")));
        scim.patch("/Users/" + id, patchOp("""
                {"op":"replace","path":"%1$s:license","value":"CX 3"},
                {"op":"replace","path":"%1$s:queues","value":["Billing"]}""".formatted(PATCHBAY))).statusCode(200);
        worker.runOnce("test-worker");
        Seat account = vendor.accountFor("pool@example.com").orElseThrow();
        assertEquals("CX 2", account.text(SeatField.LICENSE), "the license change waits");
        assertEquals(Set.of("Billing"), account.get(SeatField.QUEUES), "the other steps went on");
        scim.get("/Users/" + id).body("'" + PATCHBAY + "'.provisioning.state", equalTo("needs_action"));
        admin().queryParam("connection", scim.connection).queryParam("status", "open").get("/admin/v1/tasks").then()
                .body("items.kind", hasItem("license_unavailable"));
        assertEquals(1, jobs("pending", id), "the user is looked at again later");
        makeDue(id);
        drainAll();
        assertEquals("CX 3", vendor.accountFor("pool@example.com").orElseThrow().text(SeatField.LICENSE));
    }

    @Test
    void withoutPolicyPricesTasksStateTheVendorsListPrice() {
        String id = createAgent("listprice@example.com");
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"" + PATCHBAY + ":license\",\"value\":\"CX 4\"}"))
                .statusCode(200);
        drainAll();
        scim.patch("/Users/" + id, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        drainAll();
        admin().queryParam("connection", scim.connection).get("/admin/v1/tasks").then()
                .body("items.find { it.kind == 'billing_cancellation' }.monthlyCost", equalTo(240.0f))
                .body("items.find { it.kind == 'billing_cancellation' }.currency", equalTo("USD"));
    }

    @Test
    void deletingTheUserDeletesTheAccountWhenThePolicySaysSo() {
        admin().body("{\"offboarding\":{\"onDelete\":\"delete\"}}")
                .put("/admin/v1/connections/{c}/policy", scim.connection).then().statusCode(200);
        String id = createAgent("gone@example.com");
        drainAll();
        scim.request().delete(scim.path("/Users/" + id)).then().statusCode(204);
        drainAll();
        assertTrue(vendor.accountFor("gone@example.com").isEmpty());
        assertTrue(vendor.calls().contains("delete gone@example.com"));
    }

    @Test
    void theConcurrencyLimitHoldsAcrossWorkers() {
        vendor.rateLimit(new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1), 1));
        String first = createAgent("slow@example.com");
        List<Job> held = queue.claim("worker-a", 1, Duration.ofMinutes(5));
        assertEquals(1, held.size(), "worker A is busy with one job of this vendor account");
        createAgent("second@example.com");
        worker.runOnce("worker-b");
        assertTrue(vendor.accountFor("second@example.com").isEmpty(), "worker B waits: one call at a time");
        held.forEach(job -> queue.complete(job.id()));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update provisioning_job set next_attempt_at = now() where state = 'pending'").executeUpdate());
        drainAll();
        assertTrue(vendor.accountFor("second@example.com").isPresent());
        assertEquals(0, jobs("running", first));
    }

    @Test
    void rateLimitsHoldAcrossTwoWorkers() {
        vendor.rateLimit(new RateLimit(3, Duration.ofMinutes(1), Integer.MAX_VALUE));
        for (int i = 0; i < 4; i++) {
            scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"limited"
                    + i + "@example.com\"}").statusCode(201);
        }
        for (int round = 0; round < 3; round++) {
            worker.runOnce("worker-a");
            worker.runOnce("worker-b");
        }
        long creates = vendor.calls().stream().filter(call -> call.startsWith("create")).count();
        assertEquals(3, creates, "three calls per minute, whichever worker makes them");
        long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from provisioning_job where state = 'pending' and connection_id = :c")
                .setParameter("c", scim.connection).getSingleResult()).longValue());
        assertEquals(1, waiting);
    }
}
