package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.SandboxDemo;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.connector.SettingsSchema;
import dev.patchbay.connector.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** 8x8 connections: its SCIM API for identity and its Admin API for licenses, directory, extensions and deletes. */
@ApplicationScoped
public class EightByEightConnectorFactory implements ConnectorFactory {

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            Setting.of("scimBaseUrl", SettingType.URL,
                    "8x8 SCIM base URL, https://platform.8x8.com/udi/customers/{customerId}/scim/v2").asRequired(),
            Setting.of("scimToken", SettingType.STRING, "Bearer token of the 8x8 SCIM integration").asRequired()
                    .asSecret(),
            Setting.of("adminBaseUrl", SettingType.URL,
                    "8x8 Admin Provisioning API base URL, https://api.8x8.com/admin-provisioning").asRequired(),
            Setting.of("apiKey", SettingType.STRING, "8x8 Admin API key (x-api-key)").asRequired().asSecret(),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one HTTP call").withDefault(10)
                    .range(1, 300),
            Setting.of("operationTimeoutSeconds", SettingType.INTEGER,
                    "How long an asynchronous Admin API operation may take").withDefault(60).range(1, 3600),
            Setting.of("operationPollMillis", SettingType.INTEGER, "How often an operation's status is read")
                    .withDefault(200).range(10, 60_000),
            Setting.of("requestsPerMinute", SettingType.INTEGER,
                    "Admin API requests per minute the API key may make (8x8's default is 100)")
                    .withDefault(EightByEightCapabilities.REQUESTS_PER_MINUTE).range(1, 100_000));

    private final Optional<SandboxDemo> demo;

    /** Without a sandbox demo (tests that build connectors directly). */
    EightByEightConnectorFactory() {
        this.demo = Optional.empty();
    }

    @Inject
    public EightByEightConnectorFactory(
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.customer-id", defaultValue = "0012J00042NkZQIQA3")
            String customerId,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.scim-token", defaultValue = "sandbox-8x8-scim-token")
            String scimToken,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.api-key", defaultValue = "eght_sandbox_api_key")
            String apiKey) {
        this.demo = Optional.of(EightByEightDemo.demo(customerId, scimToken, apiKey));
    }

    @Override
    public Vendor vendor() {
        return new Vendor("eightbyeight", "8x8", SETTINGS, EightByEightCapabilities.capabilities());
    }

    /** 8x8's limit per API key, or the one the connection's settings say the key has. */
    @Override
    public RateLimit rateLimit(Map<String, Object> settings) {
        return EightByEightSettings.limits(settings).rateLimit();
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new EightByEightConnector(settings);
    }

    @Override
    public Optional<SandboxDemo> demo() {
        return demo;
    }
}
