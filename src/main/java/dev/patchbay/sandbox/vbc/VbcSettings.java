package dev.patchbay.sandbox.vbc;

import dev.patchbay.sandbox.kit.Tunables;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated VBC account: its id, the developer app (consumer key and secret), the integration user
 * of the password grant, and the knobs tests turn (token lifetimes, default page size, the timeout fault).
 */
@ApplicationScoped
public class VbcSettings {

    private final String accountId;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String scimToken;
    private final Tunables tunables;

    public VbcSettings(
            @ConfigProperty(name = "patchbay.sandbox.vbc.account-id", defaultValue = "100200") String accountId,
            @ConfigProperty(name = "patchbay.sandbox.vbc.client-id", defaultValue = "sandbox-vbc-key") String clientId,
            @ConfigProperty(name = "patchbay.sandbox.vbc.client-secret", defaultValue = "sandbox-vbc-secret")
            String clientSecret,
            @ConfigProperty(name = "patchbay.sandbox.vbc.username", defaultValue = "patchbay-integration@vbc.prod")
            String username,
            @ConfigProperty(name = "patchbay.sandbox.vbc.password", defaultValue = "sandbox-integration-password-2026")
            String password,
            // [DOC] access token 86,400 s, refresh token 7 days.
            @ConfigProperty(name = "patchbay.sandbox.vbc.access-token-seconds", defaultValue = "86400")
            long accessTokenSeconds,
            @ConfigProperty(name = "patchbay.sandbox.vbc.refresh-token-seconds", defaultValue = "604800")
            long refreshTokenSeconds,
            // UNVERIFIED: the spec does not say the default page size.
            @ConfigProperty(name = "patchbay.sandbox.vbc.default-page-size", defaultValue = "25") int defaultPageSize,
            @ConfigProperty(name = "patchbay.sandbox.vbc.timeout-ms", defaultValue = "30000") long timeoutMs,
            // UNVERIFIED: Vonage publishes no SCIM base URL or token for a gateway; the simulator takes a static token.
            @ConfigProperty(name = "patchbay.sandbox.vbc.scim-token", defaultValue = "sandbox-vbc-scim-token")
            String scimToken) {
        this.accountId = accountId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.username = username;
        this.password = password;
        this.scimToken = scimToken;
        this.tunables = Tunables.define().add("accessTokenSeconds", accessTokenSeconds, 1)
                .add("refreshTokenSeconds", refreshTokenSeconds, 1).add("defaultPageSize", defaultPageSize, 1)
                .add("timeoutMs", timeoutMs, 0).build();
    }

    public String accountId() {
        return accountId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String scimToken() {
        return scimToken;
    }

    public Tunables tunables() {
        return tunables;
    }

    long accessTokenSeconds() {
        return tunables.get("accessTokenSeconds");
    }

    long refreshTokenSeconds() {
        return tunables.get("refreshTokenSeconds");
    }

    int defaultPageSize() {
        return tunables.getInt("defaultPageSize");
    }

    long timeoutMs() {
        return tunables.get("timeoutMs");
    }
}
