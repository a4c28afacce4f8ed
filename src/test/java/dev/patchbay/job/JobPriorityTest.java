package dev.patchbay.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.RateLimit;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claiming order inside one connection's budget: offboarding, then single changes, then waves. A wave is
 * simulated at a small rate on a clock the test moves, so that "promptly" is measured in simulated time.
 */
@QuarkusTest
class JobPriorityTest {

    static final int WAVE = 40;

    @Inject
    EntityManager entityManager;

    @Inject
    InstancePresence presence;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MINUTES));
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
    List<UUID> wave = new ArrayList<>();
    UUID changed;
    UUID leaver;
    JobQueue queue;
    RateLimiter limiter;

    @BeforeEach
    void usersWithoutJobs() {
        scim = ScimFixture.create("priority");
        for (int i = 0; i < WAVE; i++) {
            wave.add(UUID.fromString(scim.createUser("joiner" + i + "@example.com")));
        }
        changed = UUID.fromString(scim.createUser("changed@example.com"));
        leaver = UUID.fromString(scim.createUser("leaver@example.com"));
        forgetTheJobs();
        queue = new JobQueue(entityManager, clock, presence, 50);
        limiter = new RateLimiter(entityManager, clock);
    }

    @AfterEach
    void forgetTheJobs() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from provisioning_job where connection_id = :c").setParameter("c", scim.connection).executeUpdate());
    }

    @Test
    void aLeaverGoesBeforeASingleChangeWhichGoesBeforeTheWaveThatWasDueEarlier() {
        enqueueWave();
        now.set(now.get().plusSeconds(5));
        enqueue(changed);
        deactivate(leaver);
        enqueue(leaver);

        assertEquals(leaver, claimOwn().userId(), "offboarding first");
        assertEquals(changed, claimOwn().userId(), "then the single change");
        assertTrue(wave.contains(claimOwn().userId()), "then the wave, though it was due first");
    }

    @Test
    void aUserEnqueuedAloneIsAWaveWhenItArrivesNewIntoABacklogOfItsConnection() {
        JobQueue smallThreshold = new JobQueue(entityManager, clock, presence, 3);
        for (UUID user : wave.subList(0, 5)) {
            QuarkusTransaction.requiringNew().run(() -> smallThreshold.enqueue(scim.connection, user));
        }
        assertEquals(List.of(false, false, false, true, true), waveFlags(wave.subList(0, 5)),
                "the first three make the backlog; new users after them are the wave");
        QuarkusTransaction.requiringNew().run(() -> smallThreshold.enqueue(scim.connection, wave.get(4)));
        assertEquals(List.of(true), waveFlags(List.of(wave.get(4))), "the same user again stays in its wave");
        QuarkusTransaction.requiringNew().run(() -> smallThreshold.enqueueUsers(scim.connection,
                "{" + wave.get(0) + "}"));
        assertEquals(List.of(false), waveFlags(List.of(wave.get(0))), "a group change of one user is a single change");
    }

    /**
     * Six calls a minute, a job a call: the wave of 40 needs seven minutes. A deactivation enqueued ten
     * seconds in, when the minute's budget is spent, runs when the next minute begins.
     */
    @Test
    void aDeactivationInTheMiddleOfAWaveFinishesWithinAMinuteAtTheVendorsRate() {
        RateLimit sixAMinute = new RateLimit(6, Duration.ofMinutes(1), 1);
        Instant start = now.get();
        enqueueWave();
        Map<UUID, Instant> finished = new HashMap<>();
        List<UUID> order = new ArrayList<>();
        Instant leaverEnqueued = null;
        Instant changeEnqueued = null;
        while (finished.size() < WAVE + 2 && now.get().isBefore(start.plus(Duration.ofMinutes(20)))) {
            if (leaverEnqueued == null && !now.get().isBefore(start.plusSeconds(10))) {
                leaverEnqueued = now.get();
                changeEnqueued = now.get();
                enqueue(changed);
                deactivate(leaver);
                enqueue(leaver);
            }
            Optional<Job> claimed = claimOwnIfAny();
            if (claimed.isEmpty()) {
                now.set(now.get().plusSeconds(1));
                continue;
            }
            Job job = claimed.get();
            Optional<Duration> wait = QuarkusTransaction.requiringNew().call(
                    () -> limiter.acquire(scim.connection, sixAMinute));
            if (wait.isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> queue.retry(job.id(), wait.get(), null, false));
            } else {
                QuarkusTransaction.requiringNew().run(() -> queue.complete(job.id()));
                finished.put(job.userId(), now.get());
                order.add(job.userId());
            }
        }
        assertEquals(WAVE + 2, finished.size(), "everything finished");
        Duration leaverTook = Duration.between(leaverEnqueued, finished.get(leaver));
        assertTrue(leaverTook.compareTo(Duration.ofMinutes(1)) <= 0, "the leaver waited " + leaverTook);
        assertTrue(!finished.get(changed).isAfter(changeEnqueued.plus(Duration.ofMinutes(1))),
                "the single change was not starved by the wave");
        assertTrue(order.indexOf(leaver) < order.indexOf(changed), "the leaver went before the change");
        long waveDoneBefore = order.indexOf(leaver);
        assertTrue(waveDoneBefore <= 6, "only the first minute of the wave went before the leaver: " + waveDoneBefore);
        Instant lastOfWave = wave.stream().map(finished::get).max(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(start, lastOfWave).compareTo(Duration.ofMinutes(6)) >= 0,
                "the wave itself ran at the vendor's rate");
    }

    private void enqueueWave() {
        String ids = wave.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        QuarkusTransaction.requiringNew().run(() -> queue.enqueueUsers(scim.connection, ids));
    }

    private void enqueue(UUID user) {
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(scim.connection, user));
    }

    private void deactivate(UUID user) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update scim_user set active = false where id = :u").setParameter("u", user).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Boolean> waveFlags(List<UUID> users) {
        List<Boolean> flags = new ArrayList<>();
        for (UUID user : users) {
            flags.add(QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery(
                    "select wave from provisioning_job where user_id = :u and state = 'pending'")
                    .setParameter("u", user).getSingleResult()));
        }
        return flags;
    }

    private Job claimOwn() {
        return claimOwnIfAny().orElseThrow(() -> new AssertionError("no job of the connection was due"));
    }

    /** Claims the first due job of this test's connection; other tests' jobs go back as they were. */
    private Optional<Job> claimOwnIfAny() {
        while (true) {
            List<Job> claimed = QuarkusTransaction.requiringNew().call(
                    () -> queue.claim("priority-worker", 1, Duration.ofSeconds(30)));
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            Job job = claimed.get(0);
            if (job.connectionId().equals(scim.connection)) {
                return Optional.of(job);
            }
            QuarkusTransaction.requiringNew().run(() -> queue.retry(job.id(), Duration.ofMinutes(30), null, false));
        }
    }
}
