package dev.patchbay.connector.vbc;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.RotatingSecrets;
import dev.patchbay.connector.SandboxDemo;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.connector.SettingsSchema;
import dev.patchbay.connector.Vendor;
import dev.patchbay.connector.kit.SettingValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vonage Business Communications connections: the account id, the developer app's consumer key and secret,
 * and the integration user's password or a refresh token. The tokens of a connection are shared by its
 * calls and stored, rotated, through {@link RotatingSecrets}.
 */
@ApplicationScoped
public class VbcConnectorFactory implements ConnectorFactory {

    static final List<String> LINE_TYPES = List.of("Mobile", "Premium", "Advanced");

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            Setting.of("accountId", SettingType.STRING, "The VBC account id").asRequired(),
            Setting.of("clientId", SettingType.STRING, "Consumer key of the app in the Vonage API developer portal")
                    .asRequired(),
            Setting.of("clientSecret", SettingType.STRING, "Consumer secret of the app").asRequired().asSecret(),
            Setting.of("username", SettingType.STRING, "The integration user for the password grant, e.g."
                    + " patchbay@vbc.prod (an Account Administrator without extension, SSO off)"),
            Setting.of("password", SettingType.STRING, "The integration user's password (20 characters or more)")
                    .asSecret(),
            Setting.of("refreshToken", SettingType.STRING, "A refresh token instead of a password (used once: the"
                    + " gateway stores the rotated ones; give a new one only if the integration is locked out)")
                    .asSecret(),
            Setting.of("apiBaseUrl", SettingType.URL, "API base URL").withDefault(VbcSettings.DEFAULT_API),
            Setting.of("tokenUrl", SettingType.URL, "Token endpoint (default: {apiBaseUrl}/token)"),
            Setting.of("provisioningPath", SettingType.STRING, "Path of the Provisioning API; UNVERIFIED whether"
                    + " production wants /t/vbc.prod/provisioning or /t/vbc.prod/provisioning/v1")
                    .withDefault(VbcSettings.DEFAULT_PROVISIONING_PATH),
            Setting.of("refreshTokenDays", SettingType.INTEGER, "How long an unused refresh token lives").withDefault(7)
                    .range(1, 90),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one HTTP call").withDefault(10)
                    .range(1, 300),
            Setting.of("scimBaseUrl", SettingType.URL, "Optional, UNVERIFIED: the account's SCIM 2.0 base URL, if"
                    + " Vonage enabled one for a gateway (it publishes none). Set, identity (login name, names, email,"
                    + " active) and deletes go through it; the line, extension and DID stay portal tasks"),
            Setting.of("scimToken", SettingType.STRING, "The bearer token of the SCIM endpoint").asSecret())
            .anyOf("password", "refreshToken")
            .together("username", "password")
            .together("scimBaseUrl", "scimToken");

    /**
     * Vonage's public monthly list prices per line, month-to-month (annual: Mobile 13.99, Premium 20.99,
     * Advanced 27.99; put the contract's in the policy's prices).
     */
    static final ListPrices LIST_PRICES = new ListPrices("USD", Map.of("Mobile", new BigDecimal("19.99"),
            "Premium", new BigDecimal("29.99"), "Advanced", new BigDecimal("39.99")));

    private final RotatingSecrets secrets;
    private final Clock clock;
    private final Optional<SandboxDemo> demo;
    private final Map<String, Shared> tokens = new HashMap<>();

    private record Shared(String madeFor, VbcTokens tokens) {
    }

    @Inject
    public VbcConnectorFactory(RotatingSecrets secrets,
            @ConfigProperty(name = "patchbay.sandbox.vbc.account-id", defaultValue = "100200") String accountId,
            @ConfigProperty(name = "patchbay.sandbox.vbc.client-id", defaultValue = "sandbox-vbc-key") String clientId,
            @ConfigProperty(name = "patchbay.sandbox.vbc.client-secret", defaultValue = "sandbox-vbc-secret")
            String clientSecret,
            @ConfigProperty(name = "patchbay.sandbox.vbc.username", defaultValue = "patchbay-integration@vbc.prod")
            String username,
            @ConfigProperty(name = "patchbay.sandbox.vbc.password", defaultValue = "sandbox-integration-password-2026")
            String password) {
        this(secrets, Clock.systemUTC(),
                Optional.of(VbcDemo.demo(accountId, clientId, clientSecret, username, password)));
    }

    /** A factory of its own: another gateway instance, or the same one after a restart. */
    VbcConnectorFactory(RotatingSecrets secrets, Clock clock) {
        this(secrets, clock, Optional.empty());
    }

    private VbcConnectorFactory(RotatingSecrets secrets, Clock clock, Optional<SandboxDemo> demo) {
        this.secrets = secrets;
        this.clock = clock;
        this.demo = demo;
    }

    @Override
    public Vendor vendor() {
        return new Vendor("vbc", "Vonage Business Communications", SETTINGS, VbcCapabilities.capabilities(),
                LIST_PRICES);
    }

    /** Identity writes through SCIM when the connection names a SCIM endpoint; read-only otherwise. */
    @Override
    public Capabilities capabilities(Map<String, Object> settings) {
        return scim(settings).isPresent() ? VbcCapabilities.withScim() : VbcCapabilities.capabilities();
    }

    private static Optional<VbcScim> scim(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("VBC", settings);
        String base = values.optional("scimBaseUrl", null);
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new VbcScim(values.url("scimBaseUrl", base), values.required("scimToken"),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10))));
    }

    @Override
    public Optional<SandboxDemo> demo() {
        return demo;
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new VbcConnector(settings, scim(settings), () -> {
            VbcSettings parsed = VbcSettings.from(settings);
            return new VbcHttp(parsed, tokensFor(connectionId, parsed));
        });
    }

    /** The connection's tokens, new when the settings point at another app, user or account, or changed a secret. */
    private synchronized VbcTokens tokensFor(String connectionId, VbcSettings settings) {
        String madeFor = settings.basis() + "|" + VbcSettings.sha256(settings.clientSecret() + "|"
                + settings.password() + "|" + settings.refreshToken() + "|" + settings.provisioningPath());
        Shared existing = tokens.get(connectionId);
        if (existing != null && existing.madeFor().equals(madeFor)) {
            return existing.tokens();
        }
        VbcTokens made = new VbcTokens(connectionId, settings, secrets, clock);
        tokens.put(connectionId, new Shared(madeFor, made));
        return made;
    }
}
