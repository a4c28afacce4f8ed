package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Platform API v2 over HTTP with a client-credentials bearer token; answers become typed connector
 * failures. A refused token is replaced and the call repeated at once.
 */
final class GenesysHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final GenesysSettings settings;
    private final GenesysTokens tokens;

    GenesysHttp(GenesysSettings settings, GenesysTokens tokens) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.settings = settings;
        this.tokens = tokens;
    }

    record Answer(int status, JsonNode body) {
        boolean notFound() {
            return status == 404;
        }
    }

    /** The user's version did not match (409, or 400 "does not match the current version"). */
    static final class VersionMismatch extends RuntimeException {
        VersionMismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** Sends to {@code /api/v2 + path}; returns 2xx and 404 answers, turns the rest into failures. */
    Answer send(String method, String path, JsonNode body) {
        String token = tokens.accessToken();
        HttpResponse<String> response = exchange(method, path, body, token);
        if (response.statusCode() == 401) {
            tokens.rejected(token);
            token = tokens.accessToken();
            response = exchange(method, path, body, token);
        }
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2 || status == 404) {
            return new Answer(status, json);
        }
        String message = message(json, status);
        String code = json == null ? "" : json.path("code").asText("");
        if (status == 429 || status == 408 || status >= 500) {
            throw new ConnectorException.Retryable("Genesys Cloud answered " + status + " " + code + ": " + message,
                    retryAfter(response));
        }
        if (status == 401) {
            // A token the login just issued and the API still refuses: a passing fault, not wrong credentials
            // (only the login refusing them says that). The next attempt gets yet another token.
            tokens.rejected(token);
            throw new ConnectorException.Retryable("Genesys Cloud refused a fresh access token (401 " + code + ": "
                    + message + ")", null);
        }
        if (status == 403) {
            throw new ConnectorException.AuthFailed("Genesys Cloud answered 403 " + code + ": " + message
                    + " (grant the OAuth client the roles this needs)");
        }
        if ((status == 409 || status == 400) && message.toLowerCase(Locale.ROOT).contains("version")) {
            throw new VersionMismatch(message);
        }
        if (status == 409) {
            throw new ConnectorException.Conflict(code + ": " + message);
        }
        throw new ConnectorException.Rejected("Genesys Cloud answered " + status + " " + code + ": " + message);
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body, String token) {
        URI uri = URI.create(settings.apiBaseUrl() + "/api/v2" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Retryable("Genesys Cloud did not answer " + method + " " + path + " in time",
                    null);
        } catch (IOException e) {
            throw new ConnectorException.Retryable("Genesys Cloud unreachable: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Retryable("interrupted", null);
        }
    }

    /**
     * Retry-After in seconds; for a 429 without it, inin-ratelimit-reset (seconds until the window resets).
     * Genesys sends inin-ratelimit-reset on every answer, so on a 5xx it says nothing about the fault: a
     * retry-after there would pause the whole vendor account for a transient error of one call.
     */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> seconds = response.headers().firstValue("Retry-After")
                .or(() -> response.statusCode() == 429
                        ? response.headers().firstValue("inin-ratelimit-reset") : Optional.empty());
        try {
            return seconds.map(value -> Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The message of Genesys' ErrorBody. */
    static String message(JsonNode json, int status) {
        if (json == null || !json.hasNonNull("message")) {
            return "HTTP " + status;
        }
        return json.get("message").asText();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
