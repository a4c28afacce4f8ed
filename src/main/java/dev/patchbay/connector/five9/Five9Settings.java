package dev.patchbay.connector.five9;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.SettingValues;
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

    /** The settings' prefixes of the admin users beside {@code adminUser}: secondAdminUser and so on. */
    static final List<String> MORE_ADMIN_USERS = List.of("second", "third", "fourth");

    static Five9Settings from(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("Five9", settings);
        String version = values.optional("apiVersion", "v13");
        String baseUrl = values.optional("baseUrl", null);
        URI endpoint;
        if (baseUrl != null) {
            endpoint = values.url("baseUrl", null);
        } else {
            String host = DATA_CENTERS.get(values.optional("dataCenter", "US"));
            if (host == null) {
                throw new ConnectorException.Rejected("Five9 setting 'dataCenter' must be one of "
                        + String.join(", ", DATA_CENTERS.keySet()));
            }
            endpoint = URI.create("https://" + host + "/wsadmin/" + version + "/AdminWebService");
        }
        List<AdminUser> admins = new ArrayList<>();
        admins.add(new AdminUser(values.required("adminUser"), values.required("adminPassword")));
        for (String more : MORE_ADMIN_USERS) {
            String name = values.optional(more + "AdminUser", null);
            if (name != null) {
                admins.add(new AdminUser(name, values.required(more + "AdminPassword")));
            }
        }
        return new Five9Settings(endpoint, List.copyOf(admins),
                Duration.ofMillis(values.number("skillPacingMillis", 3000)),
                !"ssoOnly".equals(values.optional("passwordPolicy", "mustChange")),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 30)));
    }
}
