package dev.patchbay.connector;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Batched steps wait an hour for other users' unless a test makes them due (tests of batching decide when). */
public class BatchesHeld implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("patchbay.batch.linger", "1h", "patchbay.batch.when-every-job-waits", "false");
    }
}
