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
