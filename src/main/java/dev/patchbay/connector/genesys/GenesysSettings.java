package dev.patchbay.connector.genesys;

import dev.patchbay.connector.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A connection's Genesys Cloud settings: where the Platform API and the login service are (from
 * {@code region}, e.g. {@code mypurecloud.com}, or the explicit {@code apiBaseUrl} / {@code loginBaseUrl}),
 * the OAuth client (client credentials grant), the license ids in tier order, and the request timeout.
 */
record GenesysSettings(URI apiBaseUrl, URI loginBaseUrl, String clientId, String clientSecret,
        List<String> licenseTiers, Duration requestTimeout) {

    /** UNVERIFIED: the license definition ids of a real org differ; set {@code licenseTiers} to the org's. */
    static final List<String> DEFAULT_LICENSE_TIERS = List.of("cx1", "cx2", "cx3", "cx4");

    static GenesysSettings from(Map<String, Object> settings) {
        Object region = settings.get("region");
        String regionDomain = region == null || region.toString().isBlank() ? null : region.toString().trim();
        return new GenesysSettings(
                baseUrl(settings, "apiBaseUrl", regionDomain == null ? null : "https://api." + regionDomain),
                baseUrl(settings, "loginBaseUrl", regionDomain == null ? null : "https://login." + regionDomain),
                text(settings, "clientId"), text(settings, "clientSecret"),
                tiers(settings.get("licenseTiers")),
                Duration.ofSeconds(number(settings, "requestTimeoutSeconds", 10)));
    }

    /** The rank of a license in the tiers (-1 when it is not one of them). */
    int rank(String license) {
        return license == null ? -1 : licenseTiers.indexOf(license);
    }

    private static URI baseUrl(Map<String, Object> settings, String key, String fromRegion) {
        Object configured = settings.get(key);
        String value = configured == null || configured.toString().isBlank() ? fromRegion : configured.toString();
        if (value == null) {
            throw new ConnectorException.AuthFailed("Genesys Cloud setting 'region' (or '" + key + "') is missing");
        }
        String normalized = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(normalized);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Rejected("Genesys Cloud setting '" + key + "' is not a URL: " + value);
        }
    }

    private static List<String> tiers(Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(tier -> !tier.isEmpty()).toList();
        }
        return DEFAULT_LICENSE_TIERS;
    }

    private static String text(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new ConnectorException.AuthFailed("Genesys Cloud setting '" + key + "' is missing");
        }
        return value.toString();
    }

    private static long number(Map<String, Object> settings, String key, long fallback) {
        Object value = settings.get(key);
        return value instanceof Number number ? number.longValue() : fallback;
    }

    @Override
    public String toString() {
        return "GenesysSettings[apiBaseUrl=" + apiBaseUrl + ", loginBaseUrl=" + loginBaseUrl + ", clientId=" + clientId
                + ", licenseTiers=" + licenseTiers + "]";
    }
}
