package dev.patchbay.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor's entry point; each vendor package provides one. It declares the vendor (settings schema
 * and capabilities), checks a connection's settings, builds connectors, and may offer a sandbox demo.
 */
public interface ConnectorFactory {

    Vendor vendor();

    /** A connector for a connection whose settings passed {@link #validate}. */
    Connector connect(String connectionId, Map<String, Object> settings);

    /** Every problem with a connection's settings; the schema's checks unless the vendor needs more. */
    default List<SettingViolation> validate(Map<String, Object> settings) {
        return vendor().settings().validate(settings);
    }

    /**
     * What a connection can do: the vendor's declared capabilities, unless the connection's settings add to
     * them (an optional write API the admin configured). The planner and the policy checks read these.
     */
    default Capabilities capabilities(Map<String, Object> settings) {
        return vendor().capabilities();
    }

    /**
     * The connection's rate limit: the declared one, unless the connection's settings change it (a vendor
     * account whose limits were raised, several admin users that each run one call at a time).
     */
    default RateLimit rateLimit(Map<String, Object> settings) {
        return capabilities(settings).rateLimit();
    }

    /**
     * The settings a connection's policy may also set, under its {@code vendorOptions} (provisioning choices
     * rather than how to reach the vendor); the policy's value wins over the connection's. None by default.
     */
    default List<String> policyOptions() {
        return List.of();
    }

    default Optional<SandboxDemo> demo() {
        return Optional.empty();
    }
}
