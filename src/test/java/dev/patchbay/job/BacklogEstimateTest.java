package dev.patchbay.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.RateLimit;
import dev.patchbay.provisioning.ConnectionProgress;
import dev.patchbay.scim.ScimFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's progress on a clock and a budget the test sets: jobs due, in flight, done in the last
 * hour, what a job cost the budget, and when the backlog finishes at that cost within the vendor's windows.
 */
@QuarkusTest
class BacklogEstimateTest {

    /** Ten calls a minute, a step reserving six. */
    static final RateLimit TEN_A_MINUTE = new RateLimit(List.of(new RateLimit.Window(10, Duration.ofMinutes(1))), 5)
            .perCall(6);

    @Inject
    EntityManager entityManager;

    @Inject
    InstancePresence presence;

    @Inject
    ConnectionProgress connectionProgress;

    final Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    final AtomicReference<Instant> now = new AtomicReference<>(minute.plusSeconds(10));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    ScimFixture scim;
    RateLimiter limiter;
    QueueProgress progress;

    @BeforeEach
    void aConnectionWithoutJobs() {
        scim = ScimFixture.create("estimate");
        limiter = new RateLimiter(entityManager, clock);
        progress = new QueueProgress(entityManager, clock, limiter);
    }

    @AfterEach
    void forgetTheJobs() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from provisioning_job where connection_id = :c").setParameter("c", scim.connection).executeUpdate());
    }

    @Test
    void theBacklogFinishesWhenTheWindowsAllowItsCallsAtWhatAJobCostLastHour() {
        // Eight outstanding: five due, two waiting for later, one running; enqueued half an hour ago.
        for (int i = 0; i < 5; i++) {
            job("pending", minute.minus(Duration.ofMinutes(30)), now.get().minusSeconds(1), 0);
        }
        for (int i = 0; i < 2; i++) {
            job("pending", minute.minus(Duration.ofMinutes(30)), now.get().plusSeconds(30), 0);
        }
        job("running", minute.minus(Duration.ofMinutes(30)), now.get().minusSeconds(5), 0);
        take(4);

        QueueProgress.Progress declared = of();
        assertEquals(8, declared.remaining());
        assertEquals(5, declared.due());
        assertEquals(1, declared.running());
        assertEquals(0, declared.doneLastHour());
        assertEquals("declared", declared.callsPerJobBasis());
        assertEquals(6.0, declared.callsPerJob(), "nothing finished yet: one step's reservation a job");
        assertEquals("calls", declared.budgetCounts());
        assertEquals(List.of(new QueueProgress.BudgetWindow(10, 60, 4, minute.plusSeconds(60))), declared.budget());
        // 48 calls: 6 left in this minute, then 10 a minute; the last starts in the fifth minute after this one.
        assertEquals(minute.plus(Duration.ofMinutes(5)), declared.estimatedFinish());
        assertEquals("rate_limit", declared.estimateBasis());

        // Four jobs finished in the last hour at 3, 3, 4 and 2 calls; one two hours ago at 100 does not count.
        for (int calls : new int[] {3, 3, 4, 2}) {
            job("done", minute.minus(Duration.ofMinutes(40)), minute.minus(Duration.ofMinutes(20)), calls);
        }
        job("done", minute.minus(Duration.ofHours(3)), minute.minus(Duration.ofHours(2)), 100);

        QueueProgress.Progress measured = of();
        assertEquals(4, measured.doneLastHour());
        assertEquals("measured", measured.callsPerJobBasis());
        assertEquals(3.0, measured.callsPerJob());
        assertNull(measured.perMinute(), "nothing finished in the last minute");
        // 24 calls: 6 left now, 10 the next minute, the last 8 the minute after.
        assertEquals(minute.plus(Duration.ofMinutes(2)), measured.estimatedFinish());

        now.set(minute.plusSeconds(70));
        QueueProgress.Progress nextMinute = of();
        assertEquals(List.of(new QueueProgress.BudgetWindow(10, 60, 0, minute.plusSeconds(120))), nextMinute.budget());
        assertEquals(minute.plus(Duration.ofMinutes(3)), nextMinute.estimatedFinish(),
                "a fresh window of 10, then the last 14 over the two after it");
        assertEquals(7, nextMinute.due(), "the two waiting jobs are due now");
    }

    @Test
    void aJobsBudgetUseAddsUpOverItsRunsAndItsRetries() {
        UUID user = UUID.randomUUID();
        long id = job("pending", now.get(), now.get(), 0, user);
        JobQueue queue = new JobQueue(entityManager, clock, presence, 50);
        assertEquals(id, claim(queue, user).id());
        QuarkusTransaction.requiringNew().run(() -> queue.addBudgetUse(id, 5));
        QuarkusTransaction.requiringNew().run(() -> queue.retry(id, Duration.ZERO, null, false));
        assertEquals(5, budgetUsed(id), "kept when the job goes back to pending");
        assertEquals(id, claim(queue, user).id());
        QuarkusTransaction.requiringNew().run(() -> queue.addBudgetUse(id, 2));
        QuarkusTransaction.requiringNew().run(() -> queue.complete(id));
        assertEquals(7, budgetUsed(id));
    }

    @Test
    void nothingOutstandingHasNoEstimateButCountsTheLastHour() {
        job("done", minute.minus(Duration.ofMinutes(10)), minute.minus(Duration.ofMinutes(5)), 2);
        QueueProgress.Progress idle = of();
        assertEquals(0, idle.remaining());
        assertEquals(1, idle.doneLastHour());
        assertNull(idle.estimatedFinish());
        assertNull(idle.since());
    }

    @Test
    void theGaugesShowDueDoneInTheLastHourAndTheSecondsToTheFinish() {
        Instant real = Instant.now();
        for (int i = 0; i < 3; i++) {
            job("pending", real.minusSeconds(60), real.minusSeconds(1), 0);
        }
        job("done", real.minusSeconds(600), real.minusSeconds(300), 1);
        job("done", real.minusSeconds(600), real.minusSeconds(300), 1);
        connectionProgress.refresh();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(3.0, gauge(metrics, "patchbay_jobs_due"));
        assertEquals(2.0, gauge(metrics, "patchbay_jobs_done_last_hour"));
        assertTrue(gauge(metrics, "patchbay_backlog_finish_seconds") >= 0);
    }

    private double gauge(String metrics, String name) {
        String prefix = name + "{connection=\"" + scim.connection + "\"";
        return metrics.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(prefix + " not exported"));
    }

    private QueueProgress.Progress of() {
        return QuarkusTransaction.requiringNew().call(() -> progress.of(scim.connection, TEN_A_MINUTE));
    }

    private void take(int calls) {
        assertTrue(QuarkusTransaction.requiringNew().call(() -> limiter.acquire(scim.connection, TEN_A_MINUTE, calls, 1.0))
                .isEmpty());
    }

    private Job claim(JobQueue queue, UUID user) {
        return QuarkusTransaction.requiringNew().call(() -> queue.claimUser("estimate", scim.connection, user,
                Duration.ofMinutes(1))).orElseThrow();
    }

    private long budgetUsed(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select budget_used from provisioning_job where id = :id").setParameter("id", id).getSingleResult()))
                .longValue();
    }

    private long job(String state, Instant created, Instant at, int budgetUsed) {
        return job(state, created, at, budgetUsed, UUID.randomUUID());
    }

    /** A job of the connection: {@code at} is when it is due (pending) or last changed (running, done). */
    private long job(String state, Instant created, Instant at, int budgetUsed, UUID user) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at, lease_until,
                                                      created, updated, budget_used)
                        values (:c, :u, :state, 0, :at, case when cast(:state as text) = 'running' then cast(:lease as timestamptz) end, :created, :at, :used)
                        returning id""")
                .setParameter("c", scim.connection).setParameter("u", user).setParameter("state", state)
                .setParameter("at", at).setParameter("lease", at.plus(Duration.ofHours(1)))
                .setParameter("created", created).setParameter("used", budgetUsed).getSingleResult()).longValue());
    }
}
