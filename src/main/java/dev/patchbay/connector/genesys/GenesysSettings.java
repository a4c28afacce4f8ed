package dev.patchbay.connector.genesys;

import dev.patchbay.connector.kit.SettingValues;
import java.net.URI;
import java.time.Duration;
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
        SettingValues values = SettingValues.of("Genesys Cloud", settings);
        String regionDomain = values.optional("region", null);
        return new GenesysSettings(
                values.url("apiBaseUrl", regionDomain == null ? null : "https://api." + regionDomain, "region"),
                values.url("loginBaseUrl", regionDomain == null ? null : "https://login." + regionDomain, "region"),
                values.required("clientId"), values.required("clientSecret"),
                values.list("licenseTiers", DEFAULT_LICENSE_TIERS),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10)));
    }

    /** The rank of a license in the tiers (-1 when it is not one of them). */
    int rank(String license) {
        return license == null ? -1 : licenseTiers.indexOf(license);
    }

    @Override
    public String toString() {
        return "GenesysSettings[apiBaseUrl=" + apiBaseUrl + ", loginBaseUrl=" + loginBaseUrl + ", clientId=" + clientId
                + ", licenseTiers=" + licenseTiers + "]";
    }
}
