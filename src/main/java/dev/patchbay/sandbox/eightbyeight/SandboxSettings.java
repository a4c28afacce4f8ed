package dev.patchbay.sandbox.eightbyeight;

import dev.patchbay.sandbox.kit.Tunables;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated 8x8 customer's credentials and the knobs tests turn. The configured values are the
 * defaults; {@code PUT /sandbox/8x8/_control/settings} changes the tunable ones until the next reset.
 */
@ApplicationScoped
public class SandboxSettings {

    private final String customerId;
    private final String scimToken;
    private final String apiKey;
    private final Tunables tunables;

    public SandboxSettings(
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.customer-id", defaultValue = "0012J00042NkZQIQA3")
            String customerId,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.scim-token", defaultValue = "sandbox-8x8-scim-token")
            String scimToken,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.api-key", defaultValue = "eght_sandbox_api_key")
            String apiKey,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.operation-delay-ms", defaultValue = "0")
            long operationDelayMs,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.timeout-ms", defaultValue = "30000")
            long timeoutMs,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.rate-limit-per-minute", defaultValue = "100")
            int rateLimitPerMinute,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.burst-per-10s", defaultValue = "20")
            int burstPer10s,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.max-in-flight", defaultValue = "10")
            int maxInFlight) {
        this.customerId = customerId;
        this.scimToken = scimToken;
        this.apiKey = apiKey;
        this.tunables = Tunables.define().add("operationDelayMs", operationDelayMs, 0).add("timeoutMs", timeoutMs, 0)
                .add("rateLimitPerMinute", rateLimitPerMinute, 1).add("burstPer10s", burstPer10s, 1)
                .add("maxInFlight", maxInFlight, 1).build();
    }

    public String customerId() {
        return customerId;
    }

    public String scimToken() {
        return scimToken;
    }

    public String apiKey() {
        return apiKey;
    }

    /** What {@code _control/settings} can change. */
    public Tunables tunables() {
        return tunables;
    }

    public long operationDelayMs() {
        return tunables.get("operationDelayMs");
    }

    public long timeoutMs() {
        return tunables.get("timeoutMs");
    }

    public int rateLimitPerMinute() {
        return tunables.getInt("rateLimitPerMinute");
    }

    public int burstPer10s() {
        return tunables.getInt("burstPer10s");
    }

    public int maxInFlight() {
        return tunables.getInt("maxInFlight");
    }
}
