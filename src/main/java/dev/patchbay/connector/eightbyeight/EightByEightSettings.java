package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A connection's 8x8 settings: the SCIM base URL and token (identity), the Admin API base URL and key
 * (licenses, directory, extensions, delete), and time limits.
 */
record EightByEightSettings(URI scimBaseUrl, String scimToken, URI adminBaseUrl, String apiKey,
        Duration requestTimeout, Duration operationTimeout, Duration operationPoll) {

    static EightByEightSettings from(Map<String, Object> settings) {
        return new EightByEightSettings(
                uri(settings, "scimBaseUrl"), text(settings, "scimToken"),
                uri(settings, "adminBaseUrl"), text(settings, "apiKey"),
                Duration.ofSeconds(number(settings, "requestTimeoutSeconds", 10)),
                Duration.ofSeconds(number(settings, "operationTimeoutSeconds", 60)),
                Duration.ofMillis(number(settings, "operationPollMillis", 200)));
    }

    private static URI uri(Map<String, Object> settings, String key) {
        String value = text(settings, key);
        String normalized = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            return URI.create(normalized);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Rejected("8x8 setting '" + key + "' is not a URL: " + value);
        }
    }

    private static String text(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new ConnectorException.AuthFailed("8x8 setting '" + key + "' is missing");
        }
        return value.toString();
    }

    private static long number(Map<String, Object> settings, String key, long fallback) {
        Object value = settings.get(key);
        return value instanceof Number number ? number.longValue() : fallback;
    }
}
