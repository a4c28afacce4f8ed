package dev.patchbay.connector;

import java.util.Map;
import java.util.function.Function;

/**
 * A demo connection a vendor package offers for its simulator: the connection's id and name, its
 * settings for the simulator at a given base URL ({@code http://127.0.0.1:8080/sandbox}), a demo policy
 * (JSON), and the configuration property that may fix its SCIM token.
 */
public record SandboxDemo(String connectionId, String displayName, Function<String, Map<String, Object>> settings,
        String policyJson, String tokenProperty) {
}
