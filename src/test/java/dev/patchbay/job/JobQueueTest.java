package dev.patchbay.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.scim.ScimFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's own guarantees, against the embedded PostgreSQL: leases, retries racing enqueues, dead letters. */
@QuarkusTest
class JobQueueTest {

    @Inject
    JobQueue queue;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    ScimFixture scim;
    UUID user;

    @BeforeEach
    void oneUserWithAJob() {
        scim = ScimFixture.create("queue");
        user = UUID.fromString(scim.createUser("queued@example.com"));
    }

    @Test
    void aRetryThatRacesAnUncommittedEnqueueMergesIntoItInsteadOfFailing() throws Exception {
        Job running = claimOne("worker-a");
        CountDownLatch enqueued = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> idpWrite = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            queue.enqueue(scim.connection, user);
            enqueued.countDown();
            await(commit);
        }));
        assertTrue(enqueued.await(10, TimeUnit.SECONDS));

        CompletableFuture<Void> retry = CompletableFuture.runAsync(
                () -> queue.retry(running.id(), Duration.ofSeconds(5), "vendor answered 503", true));
        Thread.sleep(300); // the retry now waits for the IdP's transaction on the one-pending index
        commit.countDown();
        idpWrite.get(10, TimeUnit.SECONDS);
        retry.get(10, TimeUnit.SECONDS);

        assertEquals(List.of("pending"), states(), "one pending job holds both the retry and the new write");
        assertEquals("vendor answered 503", column("last_error"));
    }

    @Test
    void aRetryKeepsTheJobIdAndCountsTheAttempt() {
        Job running = claimOne("worker-a");
        queue.retry(running.id(), Duration.ZERO, "timeout", true);
        Job again = claimOne("worker-b");
        assertEquals(running.id(), again.id());
        assertEquals(2, again.attempt());
    }

    @Test
    void aLiveWorkersRenewedLeaseIsNotTakenOverButAnExpiredOneIs() {
        Job running = claimOne("worker-a");
        enqueue();
        expireLeases();
        assertEquals(1, queue.renew("worker-a", List.of(running.id()), Duration.ofSeconds(30)), "the heartbeat renews");
        assertTrue(queue.claim("worker-b", 10, Duration.ofSeconds(30)).stream().noneMatch(j -> j.userId().equals(user)),
                "the renewed lease holds: the user's next job waits");
        assertEquals(0, queue.renew("worker-b", List.of(running.id()), Duration.ofSeconds(30)),
                "only its own worker renews a lease");

        expireLeases();
        Job next = claimOne("worker-b");
        assertEquals(List.of("running"), states(), "the dead worker's job merged into the pending one");
        assertTrue(next.attempt() >= 1);
    }

    @Test
    void aJobOfAnInstanceThatLeftTheDatabaseRunsAgainAtOnceAndCountsForNothing() {
        claimOne("worker-a");
        assertEquals(1, queue.running(scim.connection));
        runOnInstance("gone-" + UUID.randomUUID());

        assertEquals(0, queue.running(scim.connection), "a dead instance's job is not concurrency");
        Job again = claimOne("worker-b");
        assertEquals(2, again.attempt(), "it ran again without waiting for its 30 s lease");
        assertEquals(List.of("running"), states());
    }

    @Test
    void aJobOfAnInstanceStillInTheDatabaseWaitsForItsLease() throws Exception {
        Job running = claimOne("worker-a");
        String other = "other-" + UUID.randomUUID();
        runOnInstance(other);
        try (Connection session = dataSource.getConnection()) {
            try (Statement statement = session.createStatement()) {
                statement.execute("set application_name = '" + InstancePresence.PREFIX + other + "'");
            }
            assertEquals(1, queue.running(scim.connection), "the other instance's job counts");
            assertTrue(queue.claim("worker-b", 10, Duration.ofSeconds(30)).stream().noneMatch(j -> j.userId().equals(user)));
            assertEquals(List.of("running"), states());
            try (Statement statement = session.createStatement()) {
                statement.execute("reset application_name");
            }
        }
        Job again = claimOne("worker-b");
        assertEquals(running.id(), again.id(), "once the instance has gone, its job runs again");
    }

    @Test
    void aSuccessfulSyncSettlesTheUsersDeadLetters() {
        Job first = claimOne("worker-a");
        queue.deadLetter(first.id(), "8x8 answered 400: site is required");
        assertEquals(1, queue.deadJobs(scim.connection, 0, 10).size());
        enqueue();
        Job second = claimOne("worker-a");

        queue.complete(second.id());

        assertEquals(List.of(), queue.deadJobs(scim.connection, 0, 10));
        assertEquals(List.of("done", "done"), states());
    }

    /** Leaves no job behind that a later test's worker would run. */
    @AfterEach
    void forgetTheJobs() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from provisioning_job where connection_id = :c").setParameter("c", scim.connection).executeUpdate());
    }

    private Job claimOne(String worker) {
        List<Job> claimed = queue.claim(worker, 10, Duration.ofSeconds(30)).stream()
                .filter(job -> job.userId().equals(user)).toList();
        assertEquals(1, claimed.size(), "the user's job was claimed");
        return claimed.get(0);
    }

    private void runOnInstance(String instance) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update provisioning_job set instance = :i where user_id = :u and state = 'running'")
                .setParameter("i", instance).setParameter("u", user).executeUpdate());
    }

    private void enqueue() {
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(scim.connection, user));
    }

    private void expireLeases() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update provisioning_job set lease_until = now() - interval '1 second' where user_id = :u")
                .setParameter("u", user).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> states() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select state from provisioning_job where user_id = :u order by state")
                .setParameter("u", user).getResultList());
    }

    private String column(String name) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "select " + name + " from provisioning_job where user_id = :u and state = 'pending'")
                .setParameter("u", user).getSingleResult());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
