package dev.patchbay.sandbox.kit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The test profile with {@code patchbay.sandbox.enabled=false}, shared so that its tests start one application. */
public class SandboxDisabled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("patchbay.sandbox.enabled", "false");
    }
}
