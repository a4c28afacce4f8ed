package dev.patchbay.connector;

/**
 * Settings every connection takes whatever its vendor, read by the gateway itself rather than by the
 * connector: synchronous creates and the task webhook.
 */
public final class GatewaySettings {

    public static final SettingsSchema SCHEMA = SettingsSchema.of(
            Setting.of("synchronousCreateSeconds", SettingType.INTEGER,
                    "Answer a SCIM create only once the vendor account exists, waiting up to this long").range(0, 60),
            Setting.object("taskWebhook", "Announce new follow-up tasks to a URL", SettingsSchema.of(
                    Setting.of("url", SettingType.URL, "Where new tasks are POSTed").asRequired(),
                    Setting.of("secret", SettingType.STRING,
                            "Key of the HMAC-SHA256 signature of each delivery").asSecret())));

    private GatewaySettings() {
    }
}
