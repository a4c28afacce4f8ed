package dev.patchbay.connector.kit;

import dev.patchbay.connector.ConnectorException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads one connection's settings for a vendor: a missing required value is refused credentials (the
 * connection pauses with a task), a malformed URL a rejection, and each message names the vendor and key.
 */
public final class SettingValues {

    private final String vendor;
    private final Map<String, Object> settings;

    private SettingValues(String vendor, Map<String, Object> settings) {
        this.vendor = vendor;
        this.settings = settings;
    }

    /** {@code vendor} is the name messages use, e.g. "Genesys Cloud". */
    public static SettingValues of(String vendor, Map<String, Object> settings) {
        return new SettingValues(vendor, settings);
    }

    public String required(String key) {
        String value = optional(key, null);
        if (value == null) {
            throw new ConnectorException.AuthFailed(vendor + " setting '" + key + "' is missing");
        }
        return value;
    }

    /** The value as given (a password may hold spaces); {@code fallback} when it is absent or blank. */
    public String optional(String key, String fallback) {
        Object value = settings.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    public long number(String key, long fallback) {
        return settings.get(key) instanceof Number number ? number.longValue() : fallback;
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(settings.get(key));
    }

    /** A JSON list, or a comma-separated text; {@code fallback} when neither gives an entry. */
    public List<String> list(String key, List<String> fallback) {
        Object value = settings.get(key);
        List<String> entries = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : value instanceof String text ? Arrays.asList(text.split(",")) : List.of();
        List<String> trimmed = entries.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        return trimmed.isEmpty() ? fallback : trimmed;
    }

    /** An absolute URL without a trailing slash, from {@code key} or else {@code fallback}. */
    public URI url(String key, String fallback) {
        return url(key, fallback, null);
    }

    /** Likewise, where the setting {@code instead} (a region, say) may stand in for {@code key}. */
    public URI url(String key, String fallback, String instead) {
        String given = optional(key, fallback);
        String text = given == null ? null : given.trim();
        if (text == null) {
            throw new ConnectorException.AuthFailed(vendor + " setting '" + (instead == null ? key
                    : instead + "' (or '" + key) + "' is missing");
        }
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Rejected(vendor + " setting '" + key + "' is not a URL: " + text);
        }
    }
}
