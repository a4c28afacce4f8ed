package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.kit.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A connection's 8x8 settings: the SCIM base URL and token (identity), the Admin API base URL and key
 * (licenses, directory, extensions, delete), and time limits.
 */
record EightByEightSettings(URI scimBaseUrl, String scimToken, URI adminBaseUrl, String apiKey,
        Duration requestTimeout, Duration operationTimeout, Duration operationPoll, EightByEightLimits limits) {

    static EightByEightSettings from(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("8x8", settings);
        return new EightByEightSettings(
                values.url("scimBaseUrl", null), values.required("scimToken"),
                values.url("adminBaseUrl", null), values.required("apiKey"),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10)),
                Duration.ofSeconds(values.number("operationTimeoutSeconds", 60)),
                Duration.ofMillis(values.number("operationPollMillis", 200)), limits(settings));
    }

    /** The API key's limit: the settings' {@code requestsPerMinute}, else 8x8's. */
    static EightByEightLimits limits(Map<String, Object> settings) {
        return new EightByEightLimits(settings.get("requestsPerMinute") instanceof Number perMinute
                ? perMinute.intValue() : EightByEightCapabilities.REQUESTS_PER_MINUTE);
    }
}
