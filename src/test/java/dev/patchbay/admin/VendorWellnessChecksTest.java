package dev.patchbay.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A connection's wellness check that cannot read its figures is DOWN under the connection's own name. */
class VendorWellnessChecksTest {

    private static final class Registry implements HealthRegistry {
        final Map<String, AsyncHealthCheck> checks = new HashMap<>();

        @Override
        public HealthRegistry register(String id, HealthCheck check) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HealthRegistry register(String id, AsyncHealthCheck check) {
            checks.put(id, check);
            return this;
        }

        @Override
        public HealthRegistry remove(String id) {
            checks.remove(id);
            return this;
        }
    }

    private static final class Failing extends ConnectionWellness {
        Failing() {
            super(null, null, null, null, null, Duration.ofMinutes(15));
        }

        @Override
        List<String> connections() {
            return List.of("broken");
        }

        @Override
        public Optional<Wellness> of(String connectionId) {
            throw new IllegalStateException("the database is gone");
        }
    }

    /** Counts the checks reading at once, each held until the test lets them all go. */
    private static final class Slow extends ConnectionWellness {
        final AtomicInteger reading = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        Slow() {
            super(null, null, null, null, null, Duration.ofMinutes(15));
        }

        @Override
        List<String> connections() {
            return IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();
        }

        @Override
        public Optional<Wellness> of(String connectionId) {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reading.decrementAndGet();
            return Optional.empty();
        }
    }

    @Test
    void aReportOverManyConnectionsReadsAFewAtATime() throws Exception {
        Registry registry = new Registry();
        Slow wellness = new Slow();
        new VendorWellnessChecks(registry, wellness).refresh();

        List<CompletableFuture<HealthCheckResponse>> responses = registry.checks.values().stream()
                .map(check -> check.call().subscribeAsCompletionStage()).toList();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wellness.reading.get() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // room for any further check to start reading, were the reads not bounded
        wellness.release.countDown();
        for (CompletableFuture<HealthCheckResponse> response : responses) {
            assertEquals(HealthCheckResponse.Status.UP, response.get(10, TimeUnit.SECONDS).getStatus());
        }
        assertEquals(10, responses.size());
        assertEquals(2, wellness.most.get(), "checks reading the database at once");
    }

    @Test
    void aCheckThatFailsIsDownUnderItsConnectionsNameWithTheError() {
        Registry registry = new Registry();
        new VendorWellnessChecks(registry, new Failing()).refresh();

        HealthCheckResponse response = registry.checks.get("vendor:broken").call().await().atMost(Duration.ofSeconds(10));

        assertEquals("vendor:broken", response.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("error").toString().contains("the database is gone"));
    }
}
