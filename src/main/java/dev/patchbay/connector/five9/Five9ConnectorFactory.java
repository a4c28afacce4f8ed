package dev.patchbay.connector.five9;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Five9 connections: the Admin Web Service (SOAP) for users, roles, skills and agent groups. */
@ApplicationScoped
public class Five9ConnectorFactory implements ConnectorFactory {

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            Setting.of("dataCenter", SettingType.STRING, "Five9 data center: US (api.five9.com), UK (api.five9.eu),"
                    + " CA (api.five9.ca), EU (api.eu.five9.com) or IN (api.in.five9.com)")
                    .oneOf(List.copyOf(new TreeSet<>(Five9Settings.DATA_CENTERS.keySet()))),
            Setting.of("baseUrl", SettingType.URL,
                    "Explicit Admin Web Service URL instead of the data center's, e.g. https://api.five9.com/wsadmin/v13/AdminWebService"),
            Setting.of("apiVersion", SettingType.STRING, "Admin Web Service version in the data center's URL")
                    .withDefault("v13").oneOf(List.of("v13")),
            Setting.of("adminUser", SettingType.STRING, "Five9 user with the Web Services administrator role")
                    .asRequired(),
            Setting.of("adminPassword", SettingType.STRING, "That user's password").asRequired().asSecret(),
            Setting.of("secondAdminUser", SettingType.STRING,
                    "A second Web Services admin user: Five9 runs one request at a time per admin user"),
            Setting.of("secondAdminPassword", SettingType.STRING, "The second admin user's password").asSecret(),
            Setting.of("thirdAdminUser", SettingType.STRING, "A third Web Services admin user"),
            Setting.of("thirdAdminPassword", SettingType.STRING, "The third admin user's password").asSecret(),
            Setting.of("fourthAdminUser", SettingType.STRING, "A fourth Web Services admin user"),
            Setting.of("fourthAdminPassword", SettingType.STRING, "The fourth admin user's password").asSecret(),
            Setting.of("skillPacingMillis", SettingType.INTEGER,
                    "Pause between skill calls to the domain (Five9 recommends at least 3 s)").withDefault(3000)
                    .range(0, 60_000),
            Setting.of("passwordPolicy", SettingType.STRING, "New users get a generated password they must change"
                    + " (mustChange), or one nobody knows and SSO only (ssoOnly)").withDefault("mustChange")
                    .oneOf(List.of("mustChange", "ssoOnly")),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one SOAP call").withDefault(30)
                    .range(1, 300),
            Setting.of("modifyLimitPerMinute", SettingType.INTEGER, "The domain's Modify requests per minute"
                    + " (Five9's default 140; getCallCountersState shows the domain's own)")
                    .withDefault(Five9Capabilities.MODIFY_PER_MINUTE).range(1, 1_000_000),
            Setting.of("modifyLimitPerHour", SettingType.INTEGER, "The domain's Modify requests per hour (default 7,200)")
                    .withDefault(Five9Capabilities.MODIFY_PER_HOUR).range(1, 10_000_000),
            Setting.of("modifyLimitPerDay", SettingType.INTEGER, "The domain's Modify requests per day (default 172,800)")
                    .withDefault(Five9Capabilities.MODIFY_PER_DAY).range(1, 100_000_000))
            .anyOf("dataCenter", "baseUrl")
            .together("secondAdminUser", "secondAdminPassword")
            .together("thirdAdminUser", "thirdAdminPassword")
            .together("fourthAdminUser", "fourthAdminPassword");

    private final Optional<SandboxDemo> demo;

    /** Without a sandbox demo (tests that build connectors directly). */
    Five9ConnectorFactory() {
        this.demo = Optional.empty();
    }

    @Inject
    public Five9ConnectorFactory(
            @ConfigProperty(name = "patchbay.sandbox.five9.admin-users",
                    defaultValue = "sandbox-five9-admin,sandbox-five9-admin2") List<String> adminUsers,
            @ConfigProperty(name = "patchbay.sandbox.five9.password", defaultValue = "sandbox-five9-password")
            String password) {
        this.demo = Optional.of(Five9Demo.demo(adminUsers, password));
    }

    private final Five9Clients clients = new Five9Clients();

    @Override
    public Vendor vendor() {
        return new Vendor("five9", "Five9", SETTINGS, Five9Capabilities.capabilities(), Five9Capabilities.LIST_PRICES);
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new Five9Connector(settings, parsed -> clients.of(connectionId, parsed));
    }

    /** The domain's Modify windows from the settings, one call at a time per admin user. */
    @Override
    public RateLimit rateLimit(Map<String, Object> settings) {
        int adminUsers = 1;
        for (String more : Five9Settings.MORE_ADMIN_USERS) {
            adminUsers += settings.get(more + "AdminUser") == null ? 0 : 1;
        }
        return Five9Capabilities.rateLimit(limit(settings, "modifyLimitPerMinute", Five9Capabilities.MODIFY_PER_MINUTE),
                limit(settings, "modifyLimitPerHour", Five9Capabilities.MODIFY_PER_HOUR),
                limit(settings, "modifyLimitPerDay", Five9Capabilities.MODIFY_PER_DAY), adminUsers);
    }

    private static int limit(Map<String, Object> settings, String name, int fallback) {
        return settings.get(name) instanceof Number number ? number.intValue() : fallback;
    }

    @Override
    public Optional<SandboxDemo> demo() {
        return demo;
    }
}
