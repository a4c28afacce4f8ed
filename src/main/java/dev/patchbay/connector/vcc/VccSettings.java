package dev.patchbay.connector.vcc;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A connection's Vonage Contact Center settings, parsed: where the User Admin API and the token endpoint
 * are (from {@code region} or the explicit base URLs), the API credential and its scopes, the username
 * rule, the default role, agent defaults, the telephony regions by name, which lists the IdP is
 * authoritative for, and what the connector may do without a person (overages, archiving a user of
 * several accounts).
 */
record VccSettings(URI apiBaseUrl, URI authBaseUrl, String clientId, String clientSecret, List<String> scopes,
        String usernameTemplate, String defaultRole, boolean allowOverages, boolean acceptArchiveInMultipleAccounts,
        Map<String, String> telephonyRegions, AgentDefaults agent, List<String> idpAuthoritative,
        List<String> managedSkills, List<String> managedAgentGroups, Duration listingCache, Duration requestTimeout) {

    static final List<String> SCOPES = List.of("users:read", "users:write");
    static final List<String> LISTS = List.of("skills", "agentGroups");

    /** What every agent gets unless the seat says otherwise. */
    record AgentDefaults(String location, Integer capacityLive, Integer capacityNonLive, Integer capacitySemiLive,
            String callbackNumberId) {
    }

    static VccSettings from(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("Vonage Contact Center", settings);
        String region = values.optional("region", null);
        String regionName = region == null ? null : region.trim();
        return new VccSettings(
                values.url("apiBaseUrl", regionName == null ? null : "https://" + regionName + ".api.newvoicemedia.com",
                        "region"),
                values.url("authBaseUrl", regionName == null ? null : "https://" + regionName + ".cc.vonage.com",
                        "region"),
                values.required("clientId"), values.required("clientSecret"),
                values.list("scopes", SCOPES),
                values.optional("usernameTemplate", "{userName}"),
                values.optional("defaultRole", "Agent"),
                values.flag("allowOverages"),
                values.flag("acceptArchiveInMultipleAccounts"),
                regions(values.list("telephonyRegions", List.of())),
                agent(settings.get("agentDefaults")),
                values.list("idpAuthoritative", List.of()),
                values.list("managedSkills", List.of()),
                values.list("managedAgentGroups", List.of()),
                Duration.ofSeconds(values.number("listingCacheSeconds", 30)),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10)));
    }

    boolean idpAuthoritativeFor(String list) {
        return idpAuthoritative.contains(list);
    }

    /** The GUID of a telephony region named in the seat (a GUID is taken as it is). */
    String regionId(String name) {
        if (name == null) {
            return null;
        }
        for (Map.Entry<String, String> region : telephonyRegions.entrySet()) {
            if (region.getKey().equalsIgnoreCase(name) || region.getValue().equalsIgnoreCase(name)) {
                return region.getValue();
            }
        }
        throw new ConnectorException.Rejected("VCC telephony region '" + name + "' is not in the connection's"
                + " telephonyRegions (" + String.join(", ", telephonyRegions.keySet()) + ")");
    }

    /** The name of a telephony region GUID; the GUID itself when the connection does not name it. */
    String regionName(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return telephonyRegions.entrySet().stream().filter(region -> region.getValue().equalsIgnoreCase(id))
                .map(Map.Entry::getKey).findFirst().orElse(id);
    }

    /** "name=GUID" pairs; every problem with them, for the settings check. */
    static List<String> regionProblems(List<String> pairs) {
        return pairs.stream().filter(pair -> pair.indexOf('=') <= 0 || pair.endsWith("="))
                .map(pair -> "'" + pair + "' is not name=GUID").toList();
    }

    private static Map<String, String> regions(List<String> pairs) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                regions.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return regions;
    }

    private static AgentDefaults agent(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return new AgentDefaults(null, null, null, null, null);
        }
        return new AgentDefaults(string(map.get("location")), integer(map.get("capacityLive")),
                integer(map.get("capacityNonLive")), integer(map.get("capacitySemiLive")),
                string(map.get("callbackNumberId")));
    }

    private static String string(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VccSettings[apiBaseUrl=" + apiBaseUrl + ", authBaseUrl=" + authBaseUrl + ", clientId=" + clientId
                + ", scopes=" + scopes + "]";
    }
}
