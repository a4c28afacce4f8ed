package dev.patchbay.sandbox.vcc;

import dev.patchbay.sandbox.kit.Tunables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated VCC account's API credential (client id, secret and the scopes it was given) and the
 * knobs tests turn. Configured values are the defaults; {@code PUT /sandbox/vcc/_control/settings}
 * changes the tunable ones until the next reset.
 */
@ApplicationScoped
public class VccSandboxSettings {

    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final List<String> telephonyRegions;
    private final Tunables tunables;

    public VccSandboxSettings(
            @ConfigProperty(name = "patchbay.sandbox.vcc.client-id", defaultValue = "sandbox-vcc-client")
            String clientId,
            @ConfigProperty(name = "patchbay.sandbox.vcc.client-secret", defaultValue = "sandbox-vcc-secret")
            String clientSecret,
            @ConfigProperty(name = "patchbay.sandbox.vcc.scopes", defaultValue = "users:read,users:write")
            List<String> scopes,
            // [DOC] VCC tokens always live 7,200 s.
            @ConfigProperty(name = "patchbay.sandbox.vcc.token-lifetime-seconds", defaultValue = "7200")
            long tokenLifetimeSeconds,
            // [UNVERIFIED] VCC publishes no numbers for its fair use limit: calls per window, all APIs together.
            @ConfigProperty(name = "patchbay.sandbox.vcc.fair-use-calls", defaultValue = "600") int fairUseCalls,
            @ConfigProperty(name = "patchbay.sandbox.vcc.fair-use-window-seconds", defaultValue = "60")
            int fairUseWindowSeconds,
            @ConfigProperty(name = "patchbay.sandbox.vcc.agent-licences", defaultValue = "25") int agentLicences,
            // [UNVERIFIED] levels 1–10 are commonly claimed; the vendor's examples use 2–9.
            @ConfigProperty(name = "patchbay.sandbox.vcc.skill-level-min", defaultValue = "1") int skillLevelMin,
            @ConfigProperty(name = "patchbay.sandbox.vcc.skill-level-max", defaultValue = "10") int skillLevelMax,
            // [UNVERIFIED] whether the API, like the UI's advice, also takes '@', '.' and '-' in usernames (1 = yes).
            @ConfigProperty(name = "patchbay.sandbox.vcc.username-email-characters", defaultValue = "0")
            int usernameEmailCharacters,
            @ConfigProperty(name = "patchbay.sandbox.vcc.timeout-ms", defaultValue = "30000") long timeoutMs,
            // [UNVERIFIED] no region catalogue endpoint is documented: the account's regions as name=GUID.
            @ConfigProperty(name = "patchbay.sandbox.vcc.telephony-regions", defaultValue =
                    "UK=53000000-0000-4000-8000-000000000001,US=53000000-0000-4000-8000-000000000002,"
                    + "DE=53000000-0000-4000-8000-000000000003") List<String> telephonyRegions) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = List.copyOf(scopes);
        this.telephonyRegions = List.copyOf(telephonyRegions);
        this.tunables = Tunables.define()
                .add("tokenLifetimeSeconds", tokenLifetimeSeconds, 1)
                .add("fairUseCalls", fairUseCalls, 1)
                .add("fairUseWindowSeconds", fairUseWindowSeconds, 1)
                .add("agentLicences", agentLicences, 0)
                .add("skillLevelMin", skillLevelMin, 0)
                .add("skillLevelMax", skillLevelMax, 1)
                .add("usernameEmailCharacters", usernameEmailCharacters, 0)
                .add("timeoutMs", timeoutMs, 0)
                .build();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The scopes the API credential was given in the Admin Portal. */
    public List<String> scopes() {
        return scopes;
    }

    /** The telephony regions every reset starts with, as name=GUID. */
    public List<String> telephonyRegions() {
        return telephonyRegions;
    }

    public Tunables tunables() {
        return tunables;
    }

    long tokenLifetimeSeconds() {
        return tunables.get("tokenLifetimeSeconds");
    }

    int fairUseCalls() {
        return tunables.getInt("fairUseCalls");
    }

    int fairUseWindowSeconds() {
        return tunables.getInt("fairUseWindowSeconds");
    }

    int agentLicences() {
        return tunables.getInt("agentLicences");
    }

    int skillLevelMin() {
        return tunables.getInt("skillLevelMin");
    }

    int skillLevelMax() {
        return tunables.getInt("skillLevelMax");
    }

    boolean usernameEmailCharacters() {
        return tunables.get("usernameEmailCharacters") > 0;
    }

    long timeoutMs() {
        return tunables.get("timeoutMs");
    }
}
