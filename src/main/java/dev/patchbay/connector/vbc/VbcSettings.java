package dev.patchbay.connector.vbc;

import dev.patchbay.connector.kit.SettingValues;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * A connection's VBC settings: where the API and its token endpoint are, the account, the developer app
 * (consumer key and secret), and how to get tokens: the password grant of an integration user, or a
 * refresh token given once (the rotated ones are stored by the gateway).
 */
record VbcSettings(URI apiBaseUrl, URI tokenUrl, String provisioningPath, String accountId, String clientId,
        String clientSecret, String username, String password, String refreshToken, Duration refreshTokenLifetime,
        Duration requestTimeout) {

    static final String DEFAULT_API = "https://api.vonage.com";
    /** [DOC] the OpenAPI server; VBC's code snippets add {@code /v1} (UNVERIFIED which one production wants). */
    static final String DEFAULT_PROVISIONING_PATH = "/t/vbc.prod/provisioning";

    static VbcSettings from(Map<String, Object> settings) {
        SettingValues values = SettingValues.of("VBC", settings);
        URI api = values.url("apiBaseUrl", DEFAULT_API);
        String path = values.optional("provisioningPath", DEFAULT_PROVISIONING_PATH);
        return new VbcSettings(api, values.url("tokenUrl", api + "/token"),
                path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                values.required("accountId"), values.required("clientId"), values.required("clientSecret"),
                values.optional("username", null), values.optional("password", null),
                values.optional("refreshToken", null),
                Duration.ofDays(values.number("refreshTokenDays", 7)),
                Duration.ofSeconds(values.number("requestTimeoutSeconds", 10)));
    }

    /** The account's Provisioning API URL for {@code path} ("/users?email=…"). */
    URI provisioning(String path) {
        return URI.create(apiBaseUrl + provisioningPath + "/api/accounts/" + accountId + path);
    }

    /** What the stored tokens were issued for: another app, user, account or API makes them useless. */
    String basis() {
        return sha256(apiBaseUrl + "|" + tokenUrl + "|" + clientId + "|" + username + "|" + accountId);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "VbcSettings[apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", accountId=" + accountId
                + ", clientId=" + clientId + ", username=" + username + "]";
    }
}
