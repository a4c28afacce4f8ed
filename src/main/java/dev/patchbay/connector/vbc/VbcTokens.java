package dev.patchbay.connector.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.RotatingSecrets;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * VBC access tokens for one connection. VBC has no client-credentials grant: tokens come from the password
 * grant of an integration user, or from a refresh token. Each grant answers a new refresh token and the old
 * one stops working, so the pair is stored (encrypted) through {@link RotatingSecrets}, and every renewal
 * runs under its lock: a second gateway instance that needs a token at the same moment waits, then uses the
 * access token the first one got (or, if that is refused, the refresh token the first one stored). A
 * restarted gateway goes on from the stored refresh token, not the spent one in the settings.
 */
final class VbcTokens {

    static final String SECRET_NAME = "vbc.oauth";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final String connectionId;
    private final VbcSettings settings;
    private final RotatingSecrets store;
    private final Clock clock;
    private final VendorHttp http;
    private State cached;

    /** What is stored: the pair, when each expires, and what it was issued for. */
    record State(String basis, String seed, String accessToken, Instant accessExpires, String refreshToken,
            Instant refreshExpires) {

        boolean accessLive(Instant now) {
            return accessToken != null && now.plus(SKEW).isBefore(accessExpires);
        }

        String toJson() {
            ObjectNode json = VendorHttp.JSON.createObjectNode();
            json.put("basis", basis);
            json.put("seed", seed);
            json.put("accessToken", accessToken);
            json.put("accessExpires", accessExpires.toString());
            json.put("refreshToken", refreshToken);
            json.put("refreshExpires", refreshExpires.toString());
            return json.toString();
        }

        static Optional<State> parse(String json) {
            try {
                JsonNode node = VendorHttp.JSON.readTree(json);
                return Optional.of(new State(node.path("basis").asText(), node.path("seed").isNull() ? null
                        : node.path("seed").asText(null), node.path("accessToken").asText(null),
                        Instant.parse(node.path("accessExpires").asText()), node.path("refreshToken").asText(null),
                        Instant.parse(node.path("refreshExpires").asText())));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    VbcTokens(String connectionId, VbcSettings settings, RotatingSecrets store, Clock clock) {
        this.connectionId = connectionId;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.http = new VendorHttp("VBC", settings.requestTimeout(), response -> Optional.empty());
    }

    /** A live access token: this instance's, else the stored one, else a renewal under the lock. */
    synchronized String accessToken() {
        if (cached != null && cached.accessLive(clock.instant())) {
            return cached.accessToken();
        }
        cached = renew(null);
        return cached.accessToken();
    }

    /** The API refused {@code token}: the next call renews (unless another instance already did). */
    synchronized void rejected(String token) {
        if (cached != null && token.equals(cached.accessToken())) {
            cached = renew(token);
        }
    }

    private State renew(String refusedAccessToken) {
        String json = store.renew(connectionId, SECRET_NAME, stored -> {
            Instant now = clock.instant();
            State current = stored.flatMap(State::parse).filter(this::stillOurs).orElse(null);
            if (current != null && current.accessLive(now) && !current.accessToken().equals(refusedAccessToken)) {
                return stored.get();
            }
            State next = null;
            String spent = "";
            if (current != null && current.refreshToken() != null && now.isBefore(current.refreshExpires())) {
                next = refreshGrant(current.refreshToken(), current.seed());
                spent = next == null ? "the stored refresh token was refused" : "";
            } else if (current == null && settings.refreshToken() != null) {
                next = refreshGrant(settings.refreshToken(), VbcSettings.sha256(settings.refreshToken()));
                spent = next == null ? "the refresh token in the settings was refused (spent or older than "
                        + settings.refreshTokenLifetime().toDays() + " days)" : "";
            } else if (current != null) {
                spent = "the stored refresh token expired (unused for " + settings.refreshTokenLifetime().toDays()
                        + " days)";
            }
            if (next == null && settings.password() != null) {
                next = passwordGrant();
            }
            if (next == null) {
                throw new ConnectorException.AuthFailed("VBC gave no token: " + (spent.isEmpty()
                        ? "the connection has neither a password nor a refresh token" : spent)
                        + ". Get a new refresh token and save it in the connection's 'refreshToken' setting, or set"
                        + " the integration user's 'username' and 'password'");
            }
            return next.toJson();
        });
        return State.parse(json).orElseThrow();
    }

    /** Stored tokens were issued for these settings, and the admin gave no newer refresh token since. */
    private boolean stillOurs(State state) {
        if (!state.basis().equals(settings.basis())) {
            return false;
        }
        return settings.refreshToken() == null || VbcSettings.sha256(settings.refreshToken()).equals(state.seed());
    }

    /** The new pair, or null when VBC refuses this refresh token (invalid_grant). */
    private State refreshGrant(String refreshToken, String seed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        return grant(form, seed);
    }

    private State passwordGrant() {
        if (settings.username() == null) {
            throw new ConnectorException.AuthFailed("VBC setting 'username' is missing (the integration user,"
                    + " e.g. patchbay@vbc.prod)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("scope", "openid");
        form.put("username", settings.username());
        form.put("password", settings.password());
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        State state = grant(form, null);
        if (state == null) {
            throw new ConnectorException.AuthFailed("VBC refused the integration user '" + settings.username()
                    + "' (invalid_grant): check its password, that SSO is off for it and that it is an Account"
                    + " Administrator");
        }
        return state;
    }

    private State grant(Map<String, String> form, String seed) {
        String body = form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        VendorHttp.Response response = http.exchange(HttpRequest.newBuilder(settings.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "POST /token");
        JsonNode json = response.json();
        String error = json == null ? "" : json.path("error").asText("");
        if (response.status() == 200 && json != null && json.hasNonNull("access_token")) {
            Instant now = clock.instant();
            return new State(settings.basis(), seed, json.get("access_token").asText(),
                    now.plusSeconds(json.path("expires_in").asLong(86400)),
                    json.path("refresh_token").asText(null), now.plus(settings.refreshTokenLifetime()));
        }
        if ("invalid_grant".equals(error)) {
            return null;
        }
        String said = "VBC token endpoint answered " + response.status() + " " + error + ": "
                + (json == null ? "" : json.path("error_description").asText(""));
        if (response.status() == 429 || response.status() >= 500 || response.status() == 408) {
            throw new ConnectorException.Retryable(said, RetryAfter.of(response, clock).orElse(null));
        }
        throw new ConnectorException.AuthFailed(said + " (check the app's consumer key and secret)");
    }
}
