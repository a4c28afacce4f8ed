package dev.patchbay.connector.genesys;

import dev.patchbay.connector.kit.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection's Genesys Cloud settings: where the Platform API and the login service are (from
 * {@code region}, e.g. {@code mypurecloud.com}, or the explicit {@code apiBaseUrl} / {@code loginBaseUrl}),
 * the OAuth clients (client credentials grant: {@code clientId}/{@code clientSecret}, and further ones as
 * {@code clientId2}/{@code clientSecret2} up to {@link #MAX_CLIENTS}), the license ids in tier order, and
 * the request timeout.
 */
record GenesysSettings(URI apiBaseUrl, URI loginBaseUrl, String clientId, String clientSecret,
        List<String> licenseTiers, Duration requestTimeout, List<OAuthClient> clients) {

    /** How many OAuth clients a connection may hold (Genesys limits calls per client). */
    static final int MAX_CLIENTS = 4;

    /** One OAuth client of the org. */
    record OAuthClient(String id, String secret) {
        @Override
        public String toString() {
            return "OAuthClient[id=" + id + "]";
        }
    }

    /** UNVERIFIED: the license definition ids of a real org differ; set {@code licenseTiers} to the org's. */
    static final List<String> DEFAULT_LICENSE_TIERS = List.of("cx1", "cx2", "cx3", "cx4");

    static GenesysSettings from(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("Genesys Cloud", settings);
        String regionDomain = values.optional("region", null);
        List<OAuthClient> clients = new ArrayList<>();
        clients.add(new OAuthClient(values.required("clientId"), values.required("clientSecret")));
        for (int number = 2; number <= MAX_CLIENTS; number++) {
            String id = values.optional("clientId" + number, null);
            if (id != null && !id.isBlank()) {
                clients.add(new OAuthClient(id, values.required("clientSecret" + number)));
            }
        }
        return new GenesysSettings(
                values.url("apiBaseUrl", regionDomain == null ? null : "https://api." + regionDomain, "region"),
                values.url("loginBaseUrl", regionDomain == null ? null : "https://login." + regionDomain, "region"),
                clients.get(0).id(), clients.get(0).secret(),
                values.list("licenseTiers", DEFAULT_LICENSE_TIERS),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10)), List.copyOf(clients));
    }

    /** The rank of a license in the tiers (-1 when it is not one of them). */
    int rank(String license) {
        return license == null ? -1 : licenseTiers.indexOf(license);
    }

    @Override
    public String toString() {
        return "GenesysSettings[apiBaseUrl=" + apiBaseUrl + ", loginBaseUrl=" + loginBaseUrl + ", clients="
                + clients + ", licenseTiers=" + licenseTiers + "]";
    }
}
