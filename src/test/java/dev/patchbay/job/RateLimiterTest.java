package dev.patchbay.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.TestApi;
import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.RateLimit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Budgets of several fixed windows, shared through PostgreSQL by limiters that stand for two gateway instances. */
@QuarkusTest
class RateLimiterTest {

    /** Five9's shape, scaled down: per second, per minute and per hour. */
    static final RateLimit FIVE9_LIKE = new RateLimit(List.of(new RateLimit.Window(3, Duration.ofSeconds(1)),
            new RateLimit.Window(5, Duration.ofMinutes(1)), new RateLimit.Window(7, Duration.ofHours(1))), 1);

    @Inject
    EntityManager entityManager;

    @Inject
    RateLimiter injected;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void twoInstancesShareOneBudgetAcrossEveryWindow() {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("budget"), "fake");
        RateLimiter instanceA = new RateLimiter(entityManager, clock);
        RateLimiter instanceB = new RateLimiter(entityManager, clock);

        assertEquals(List.of(true, true, true, false), acquireAlternately(connection, instanceA, instanceB, 4),
                "three per second, whichever instance asks");
        assertEquals(Optional.of(Duration.ofSeconds(1)), acquire(instanceA, connection),
                "the second window resets on its boundary");

        now.set(Instant.parse("2026-12-01T10:00:01Z"));
        assertEquals(List.of(true, true, false), acquireAlternately(connection, instanceB, instanceA, 3),
                "the minute window allows five in all");
        assertEquals(Optional.of(Duration.ofSeconds(59)), acquire(instanceB, connection), "until the next minute");

        now.set(Instant.parse("2026-12-01T10:01:00Z"));
        assertEquals(List.of(true, true, false), acquireAlternately(connection, instanceA, instanceB, 3),
                "a new minute, but the hour window allows seven in all");
        assertEquals(Optional.of(Duration.ofMinutes(59)), acquire(instanceA, connection), "until the next hour");

        now.set(Instant.parse("2026-12-01T11:00:00Z"));
        assertTrue(acquire(instanceB, connection).isEmpty(), "every window starts afresh on the hour");
    }

    @Test
    void concurrentAcquisitionsNeverOverdrawTheBudget() throws Exception {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("race"), "fake");
        RateLimit tenPerHour = new RateLimit(List.of(new RateLimit.Window(10, Duration.ofHours(1)),
                new RateLimit.Window(1000, Duration.ofDays(1))), Integer.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(pool.submit((Callable<Boolean>) () -> injected.acquire(connection, tenPerHour).isEmpty()));
            }
            long granted = 0;
            for (Future<Boolean> attempt : attempts) {
                granted += attempt.get() ? 1 : 0;
            }
            assertEquals(10, granted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPauseHoldsForEveryInstanceEvenWithoutWindows() {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("pause"), "fake");
        RateLimiter instanceA = new RateLimiter(entityManager, clock);
        RateLimiter instanceB = new RateLimiter(entityManager, clock);
        QuarkusTransaction.requiringNew().run(() -> instanceA.pause(connection, Duration.ofSeconds(30)));

        assertEquals(Optional.of(Duration.ofSeconds(30)), QuarkusTransaction.requiringNew()
                .call(() -> instanceB.acquire(connection, RateLimit.unlimited())));
        assertEquals(Optional.of(Duration.ofSeconds(30)), acquire(instanceB, connection));

        QuarkusTransaction.requiringNew().run(() -> instanceB.resume(connection));
        assertTrue(acquire(instanceA, connection).isEmpty());
    }

    private List<Boolean> acquireAlternately(String connection, RateLimiter first, RateLimiter second, int times) {
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            granted.add(acquire(i % 2 == 0 ? first : second, connection).isEmpty());
        }
        return granted;
    }

    private Optional<Duration> acquire(RateLimiter limiter, String connection) {
        return QuarkusTransaction.requiringNew().call(() -> limiter.acquire(connection, FIVE9_LIKE));
    }

    @Test
    void aBatchTakesOnlyItsShareLeavesTheRestToSingleCallsAndGetsBackWhatItDidNotUse() {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("share"), "fake");
        RateLimiter limiter = new RateLimiter(entityManager, clock);
        RateLimit tenPerMinute = new RateLimit(10, Duration.ofMinutes(1), 1);
        now.set(Instant.parse("2026-12-01T11:00:00Z"));

        assertTrue(batch(limiter, connection, tenPerMinute, 4).isEmpty(), "4 of the 5 a half share allows");
        assertEquals(Optional.of(Duration.ofMinutes(1)), batch(limiter, connection, tenPerMinute, 2),
                "2 more would pass the half share: wait for the next window");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> limiter.acquire(connection, tenPerMinute)).isEmpty(),
                "a single call may use the rest");
        QuarkusTransaction.requiringNew().run(() -> limiter.charge(connection, tenPerMinute, -3));
        assertTrue(batch(limiter, connection, tenPerMinute, 3).isEmpty(), "3 unused calls were given back: 2 + 3 = 5");
        assertEquals(10, QuarkusTransaction.requiringNew().call(() -> limiter.usage(connection, tenPerMinute)).get(0)
                .calls());
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> limiter.usage(connection, tenPerMinute)).get(0)
                .used());

        now.set(Instant.parse("2026-12-01T11:01:00Z"));
        assertTrue(batch(limiter, connection, tenPerMinute, 8).isEmpty(), "a batch above the share fits an unused window");
        assertEquals(Optional.of(Duration.ofMinutes(1)), batch(limiter, connection, tenPerMinute, 1));
    }

    private Optional<Duration> batch(RateLimiter limiter, String connection, RateLimit limit, int calls) {
        return QuarkusTransaction.requiringNew().call(() -> limiter.acquire(connection, limit, calls, 0.5));
    }

    /**
     * Genesys' window starts with its first call, not on the minute: the vendor's counters move the shared
     * window to the vendor's, with its count and allowance, for both instances; the next window starts
     * when the vendor's ends, so that no instance calls into a window the vendor still counts.
     */
    @Test
    void theVendorsCountersMoveTheWindowToTheVendorsAndBothInstancesFollowIt() {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("follow"), "fake");
        RateLimiter instanceA = new RateLimiter(entityManager, clock);
        RateLimiter instanceB = new RateLimiter(entityManager, clock);
        RateLimit perCall = new RateLimit(300, Duration.ofMinutes(1), 1).perCall(2);
        now.set(Instant.parse("2026-12-01T12:00:20Z"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> instanceA.acquire(connection, perCall, 2, 1.0)).isEmpty());

        // The vendor counted 9 of its 10 calls in a window that resets in 50 s (it began at 12:00:10).
        QuarkusTransaction.requiringNew().run(() -> instanceA.follow(connection, perCall,
                new CallMeter.VendorCount(10, 9, Instant.parse("2026-12-01T12:01:10Z"), Duration.ofMinutes(1))));
        RateLimiter.WindowUse use = QuarkusTransaction.requiringNew().call(() -> instanceB.usage(connection, perCall))
                .get(0);
        assertEquals(10, use.calls(), "the vendor's allowance");
        assertEquals(9, use.used(), "the vendor's count, above what was reserved");
        assertEquals(Instant.parse("2026-12-01T12:01:10Z"), use.resetsAt(), "the vendor's window");
        assertEquals(Optional.of(Duration.ofSeconds(50)),
                QuarkusTransaction.requiringNew().call(() -> instanceB.acquire(connection, perCall, 2, 1.0)),
                "two more calls would pass the vendor's 10: wait for its reset, not the minute's");

        now.set(Instant.parse("2026-12-01T12:01:05Z"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> instanceB.acquire(connection, perCall, 1, 1.0))
                .isEmpty(), "one more fits");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> instanceA.acquire(connection, perCall, 1, 1.0))
                .isPresent(), "the eleventh does not, though a new minute began");

        now.set(Instant.parse("2026-12-01T12:01:10Z"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> instanceA.acquire(connection, perCall, 2, 1.0))
                .isEmpty(), "the vendor's window reset");
        RateLimiter.WindowUse next = QuarkusTransaction.requiringNew().call(() -> instanceB.usage(connection, perCall))
                .get(0);
        assertEquals(Instant.parse("2026-12-01T12:02:10Z"), next.resetsAt(), "the next window follows the vendor's");
        assertEquals(300, next.calls(), "with the declared allowance until the vendor reports again");
    }

    /**
     * A step's reservation holds budget while the step runs but is never counted as calls made: the step
     * counts what it made, its reservation ends with it (or with its job's lease), and a step kept out only
     * by others' reservations looks again soon rather than at the window's end.
     */
    @Test
    void aReservationHoldsBudgetApartFromTheCallsCountedAndEndsWithTheStep() {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("reserve"), "fake");
        RateLimiter limiter = new RateLimiter(entityManager, clock);
        RateLimit tenPerMinute = new RateLimit(10, Duration.ofMinutes(1), 20).perCall(6);
        now.set(Instant.parse("2026-12-01T13:00:00Z"));
        long jobA = runningJob(connection, Duration.ofSeconds(30));
        long jobB = runningJob(connection, Duration.ofSeconds(30));

        assertTrue(reserve(limiter, connection, tenPerMinute, jobA).isEmpty());
        assertEquals(Optional.of(RateLimiter.RESERVATIONS_END), reserve(limiter, connection, tenPerMinute, jobB),
                "6 + 6 do not fit in 10: B looks again as soon as A's step may be over, not in a minute");
        assertEquals(0, used(limiter, connection, tenPerMinute), "a reservation is no call made");

        QuarkusTransaction.requiringNew().run(() -> limiter.settle(connection, tenPerMinute, jobA, 1));
        assertEquals(1, used(limiter, connection, tenPerMinute), "A's step made one call");
        assertTrue(reserve(limiter, connection, tenPerMinute, jobB).isEmpty(), "1 + 6 fit");
        QuarkusTransaction.requiringNew().run(() -> limiter.follow(connection, tenPerMinute,
                new CallMeter.VendorCount(10, 1, Instant.parse("2026-12-01T13:01:00Z"), Duration.ofMinutes(1))));
        assertEquals(1, used(limiter, connection, tenPerMinute), "the vendor's count does not take in B's reservation");

        now.set(Instant.parse("2026-12-01T13:00:31Z"));
        assertTrue(reserve(limiter, connection, tenPerMinute, jobA).isEmpty(),
                "B's lease expired (its worker died): its reservation holds nothing");
        QuarkusTransaction.requiringNew().run(() -> limiter.settle(connection, tenPerMinute, jobA, 4));
        assertEquals(5, used(limiter, connection, tenPerMinute));
        assertEquals(Optional.of(Duration.ofSeconds(29)), reserve(limiter, connection, tenPerMinute, jobA),
                "5 calls made and 6 more would pass 10: until the window ends");
    }

    /**
     * Many steps reserving, counting their calls and following the vendor's count at once lose none of
     * what they counted (each change to a budget holds the account's lock).
     */
    @Test
    void concurrentStepsAndVendorCountsLoseNoCall() throws Exception {
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("settle-race"), "fake");
        RateLimit perCall = new RateLimit(1000, Duration.ofMinutes(1), 20).perCall(6);
        RateLimiter limiter = new RateLimiter(entityManager, clock);
        now.set(Instant.parse("2026-12-01T14:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> steps = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                long job = runningJob(connection, Duration.ofMinutes(5));
                steps.add(pool.submit(() -> {
                    for (int step = 0; step < 15; step++) {
                        assertTrue(QuarkusTransaction.requiringNew().call(() -> limiter.reserve(connection, perCall, job, 6))
                                .isEmpty());
                        QuarkusTransaction.requiringNew().run(() -> limiter.settle(connection, perCall, job, 1));
                        QuarkusTransaction.requiringNew().run(() -> limiter.follow(connection, perCall,
                                new CallMeter.VendorCount(1000, 0, Instant.parse("2026-12-01T14:01:00Z"),
                                        Duration.ofMinutes(1))));
                    }
                    return null;
                }));
            }
            for (Future<?> step : steps) {
                step.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60, used(limiter, connection, perCall), "4 x 15 steps of one call each");
    }

    /**
     * The vendor's window reset before the one counted ended (it starts with the vendor's first call after
     * its reset): the new window counts the vendor's calls, not the old window's. A report of the previous
     * window passed on late changes nothing; one a second apart (the vendor rounds) is the same window.
     */
    @Test
    void aNewVendorWindowStartsFromTheVendorsCountAndALateReportOfTheOldOneChangesNothing() {
        // The vendor's window really ends at 15:00:40; its answers round the reset up to 15:00:41.
        String connection = TestApi.createConnection(TestApi.uniqueConnectionId("new-window"), "fake");
        RateLimiter limiter = new RateLimiter(entityManager, clock);
        RateLimit perCall = new RateLimit(300, Duration.ofMinutes(1), 20).perCall(6);
        now.set(Instant.parse("2026-12-01T15:00:00Z"));
        follow(limiter, connection, perCall, 250, "2026-12-01T15:00:41Z");
        assertEquals(250, used(limiter, connection, perCall));
        assertEquals(Instant.parse("2026-12-01T15:00:41Z"), usage(limiter, connection, perCall).resetsAt(),
                "the vendor's end, not the minute's");

        now.set(Instant.parse("2026-12-01T15:00:40.200Z"));
        follow(limiter, connection, perCall, 1, "2026-12-01T15:01:40.200Z");
        assertEquals(1, used(limiter, connection, perCall), "the vendor reset before the counted window ended: its new window, not 250 carried over");
        assertEquals(Instant.parse("2026-12-01T15:01:40.200Z"), usage(limiter, connection, perCall).resetsAt());

        now.set(Instant.parse("2026-12-01T15:00:40.500Z"));
        follow(limiter, connection, perCall, 299, "2026-12-01T15:00:41Z");
        assertEquals(1, used(limiter, connection, perCall), "a late report of the old window");
        follow(limiter, connection, perCall, 299, "2026-12-01T15:00:40Z");
        assertEquals(1, used(limiter, connection, perCall), "a report of a window that has ended");

        now.set(Instant.parse("2026-12-01T15:00:41Z"));
        follow(limiter, connection, perCall, 3, "2026-12-01T15:01:41Z");
        assertEquals(3, used(limiter, connection, perCall), "the same window a rounded second later");
        assertEquals(Instant.parse("2026-12-01T15:01:41Z"), usage(limiter, connection, perCall).resetsAt(),
                "ending at the later of the two");
    }

    private void follow(RateLimiter limiter, String connection, RateLimit limit, int used, String resetsAt) {
        QuarkusTransaction.requiringNew().run(() -> limiter.follow(connection, limit,
                new CallMeter.VendorCount(300, used, Instant.parse(resetsAt), Duration.ofMinutes(1))));
    }

    private Optional<Duration> reserve(RateLimiter limiter, String connection, RateLimit limit, long job) {
        return QuarkusTransaction.requiringNew().call(() -> limiter.reserve(connection, limit, job, 6));
    }

    private RateLimiter.WindowUse usage(RateLimiter limiter, String connection, RateLimit limit) {
        return QuarkusTransaction.requiringNew().call(() -> limiter.usage(connection, limit)).get(0);
    }

    private int used(RateLimiter limiter, String connection, RateLimit limit) {
        return usage(limiter, connection, limit).used();
    }

    /** A job of the connection running now with a lease of {@code lease} on the test's clock. */
    private long runningJob(String connection, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        insert into provisioning_job (connection_id, user_id, state, attempts, next_attempt_at,
                                                      lease_until, created, updated)
                        values (:c, gen_random_uuid(), 'running', 1, :now, :lease, :now, :now) returning id""")
                .setParameter("c", connection).setParameter("now", now.get())
                .setParameter("lease", now.get().plus(lease)).getSingleResult()).longValue());
    }
}
