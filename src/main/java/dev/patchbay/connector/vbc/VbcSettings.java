package dev.patchbay.connector.vbc;

import dev.patchbay.connector.ConnectorException;
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
        URI api = url(settings, "apiBaseUrl", DEFAULT_API);
        String path = optional(settings, "provisioningPath");
        return new VbcSettings(api, url(settings, "tokenUrl", api + "/token"),
                trimSlash(path == null ? DEFAULT_PROVISIONING_PATH : path),
                required(settings, "accountId"), required(settings, "clientId"), required(settings, "clientSecret"),
                optional(settings, "username"), optional(settings, "password"), optional(settings, "refreshToken"),
                Duration.ofDays(number(settings, "refreshTokenDays", 7)),
                Duration.ofSeconds(number(settings, "requestTimeoutSeconds", 10)));
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

    private static URI url(Map<String, Object> settings, String key, String fallback) {
        String value = optional(settings, key);
        String text = trimSlash(value == null ? fallback : value);
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Rejected("VBC setting '" + key + "' is not a URL: " + text);
        }
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String required(Map<String, Object> settings, String key) {
        String value = optional(settings, key);
        if (value == null) {
            throw new ConnectorException.AuthFailed("VBC setting '" + key + "' is missing");
        }
        return value;
    }

    private static String optional(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static long number(Map<String, Object> settings, String key, long fallback) {
        Object value = settings.get(key);
        return value instanceof Number number ? number.longValue() : fallback;
    }

    @Override
    public String toString() {
        return "VbcSettings[apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", accountId=" + accountId
                + ", clientId=" + clientId + ", username=" + username + "]";
    }
}
