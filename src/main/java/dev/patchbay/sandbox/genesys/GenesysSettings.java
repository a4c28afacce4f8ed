package dev.patchbay.sandbox.genesys;

import dev.patchbay.sandbox.kit.Tunables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated Genesys Cloud org's OAuth client and the knobs tests turn. Configured values are the
 * defaults; {@code PUT /sandbox/genesys/_control/settings} changes the tunable ones until the next reset.
 */
@ApplicationScoped
public class GenesysSettings {

    private final String clientId;
    private final String clientSecret;
    private final Map<String, String> clients;
    private final List<String> licenseIds;
    private final boolean licenseCeiling;
    private final Tunables tunables;

    public GenesysSettings(
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-id", defaultValue = "sandbox-genesys-client")
            String clientId,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-secret", defaultValue = "sandbox-genesys-secret")
            String clientSecret,
            // Further OAuth clients of the org, "id:secret" each: Genesys limits calls per client.
            @ConfigProperty(name = "patchbay.sandbox.genesys.more-clients",
                    defaultValue = "sandbox-genesys-client-2:sandbox-genesys-secret-2")
            List<String> moreClients,
            @ConfigProperty(name = "patchbay.sandbox.genesys.token-lifetime-seconds", defaultValue = "86400")
            long tokenLifetimeSeconds,
            @ConfigProperty(name = "patchbay.sandbox.genesys.rate-limit-per-minute", defaultValue = "300")
            int rateLimitPerMinute,
            @ConfigProperty(name = "patchbay.sandbox.genesys.timeout-ms", defaultValue = "30000")
            long timeoutMs,
            @ConfigProperty(name = "patchbay.sandbox.genesys.license-ids", defaultValue = "cx1,cx2,cx3,cx4")
            List<String> licenseIds,
            // [INFERRED] a role needs its required license (or a higher tier) held by the user.
            @ConfigProperty(name = "patchbay.sandbox.genesys.license-ceiling", defaultValue = "true")
            boolean licenseCeiling) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        Map<String, String> all = new LinkedHashMap<>();
        all.put(clientId, clientSecret);
        for (String client : moreClients) {
            int colon = client.indexOf(':');
            if (colon > 0) {
                all.put(client.substring(0, colon).trim(), client.substring(colon + 1).trim());
            }
        }
        this.clients = Map.copyOf(all);
        this.licenseIds = List.copyOf(licenseIds);
        this.licenseCeiling = licenseCeiling;
        this.tunables = Tunables.define().add("tokenLifetimeSeconds", tokenLifetimeSeconds, 1)
                .add("rateLimitPerMinute", rateLimitPerMinute, 1).add("timeoutMs", timeoutMs, 0).build();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Every OAuth client of the org, id to secret (the first one's included). */
    public Map<String, String> clients() {
        return clients;
    }

    /** License ids in tier order: a later one covers the roles of an earlier one. */
    public List<String> licenseIds() {
        return licenseIds;
    }

    public boolean licenseCeiling() {
        return licenseCeiling;
    }

    /** What {@code _control/settings} can change. */
    public Tunables tunables() {
        return tunables;
    }

    public long tokenLifetimeSeconds() {
        return tunables.get("tokenLifetimeSeconds");
    }

    public int rateLimitPerMinute() {
        return tunables.getInt("rateLimitPerMinute");
    }

    public long timeoutMs() {
        return tunables.get("timeoutMs");
    }
}
