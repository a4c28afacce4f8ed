package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection's Five9 settings: the Admin Web Service URL (from the data center or explicit), the admin
 * users, the pause between skill calls, the password policy for new users and the request timeout.
 */
record Five9Settings(URI endpoint, List<AdminUser> adminUsers, Duration skillPacing, boolean mustChangePassword,
        Duration requestTimeout) {

    static final Map<String, String> DATA_CENTERS = Map.of("US", "api.five9.com", "UK", "api.five9.eu",
            "CA", "api.five9.ca", "EU", "api.eu.five9.com", "IN", "api.in.five9.com");

    record AdminUser(String name, String password) {
        @Override
        public String toString() {
            return "AdminUser[" + name + "]";
        }
    }

    static Five9Settings from(Map<String, Object> settings) {
        String version = text(settings, "apiVersion", "v13");
        String baseUrl = text(settings, "baseUrl", null);
        URI endpoint;
        if (baseUrl != null) {
            endpoint = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        } else {
            String host = DATA_CENTERS.get(text(settings, "dataCenter", "US"));
            if (host == null) {
                throw new ConnectorException.Rejected("Five9 setting 'dataCenter' must be one of "
                        + String.join(", ", DATA_CENTERS.keySet()));
            }
            endpoint = URI.create("https://" + host + "/wsadmin/" + version + "/AdminWebService");
        }
        List<AdminUser> admins = new ArrayList<>();
        admins.add(new AdminUser(required(settings, "adminUser"), required(settings, "adminPassword")));
        String second = text(settings, "secondAdminUser", null);
        if (second != null) {
            admins.add(new AdminUser(second, required(settings, "secondAdminPassword")));
        }
        return new Five9Settings(endpoint, List.copyOf(admins),
                Duration.ofMillis(number(settings, "skillPacingMillis", 3000)),
                !"ssoOnly".equals(text(settings, "passwordPolicy", "mustChange")),
                Duration.ofSeconds(number(settings, "requestTimeoutSeconds", 30)));
    }

    private static String required(Map<String, Object> settings, String key) {
        String value = text(settings, key, null);
        if (value == null) {
            throw new ConnectorException.AuthFailed("Five9 setting '" + key + "' is missing");
        }
        return value;
    }

    private static String text(Map<String, Object> settings, String key, String fallback) {
        Object value = settings.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static long number(Map<String, Object> settings, String key, long fallback) {
        Object value = settings.get(key);
        return value instanceof Number number ? number.longValue() : fallback;
    }
}
