package dev.patchbay.connector.eightbyeight;

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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** HTTP to 8x8, with its answers turned into typed connector failures. */
final class EightByEightHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    EightByEightHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    record Answer(int status, JsonNode body) {
    }

    /** Sends and returns the answer for 2xx and 404; every other status becomes a typed failure. */
    Answer send(String method, URI uri, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Retryable("8x8 did not answer " + method + " " + uri.getPath() + " in time", null);
        } catch (IOException e) {
            throw new ConnectorException.Retryable("8x8 unreachable: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Retryable("interrupted", null);
        }
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2 || status == 404) {
            return new Answer(status, json);
        }
        String detail = detail(json, status);
        if (status == 429 || status == 408 || status >= 500) {
            throw new ConnectorException.Retryable("8x8 answered " + status + ": " + detail, retryAfter(response));
        }
        if (status == 401 || status == 403) {
            throw new ConnectorException.AuthFailed("8x8 answered " + status + ": " + detail);
        }
        if (status == 409) {
            throw new ConnectorException.Conflict(detail);
        }
        throw new ConnectorException.Rejected("8x8 answered " + status + ": " + detail);
    }

    /**
     * An asynchronous operation that ended FAILED. Only an error saying the request itself is invalid
     * (a 4xx other than 408/429, or a validation code) is permanent; anything else (8x8's own trouble,
     * an unknown cause) is retried a bounded number of times, with 8x8's reason kept.
     */
    static ConnectorException operationFailed(String operationId, JsonNode error) {
        int status = error.path("status").asInt(0);
        boolean invalid = status >= 400 && status < 500 && status != 408 && status != 429;
        for (JsonNode item : error.path("errors")) {
            String code = item.path("code").asText("");
            invalid |= code.equals("VALIDATION_ERROR") || code.equals("NOT_FOUND") || code.equals("BAD_REQUEST");
        }
        String message = "8x8 operation " + operationId + " failed: " + detail(error.isMissingNode() ? null : error,
                status == 0 ? 500 : status);
        return invalid ? new ConnectorException.Rejected(message) : new ConnectorException.Retryable(message, null);
    }

    /** Retry-After in seconds, else (for a 429) the x-ratelimit-reset epoch second. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> seconds = response.headers().firstValue("Retry-After");
        if (seconds.isPresent()) {
            try {
                return Duration.ofSeconds(Long.parseLong(seconds.get().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (response.statusCode() != 429) {
            return null;
        }
        return response.headers().firstValue("x-ratelimit-reset").map(reset -> {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(reset.trim()) - Instant.now().getEpochSecond()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** The message of a SCIM error ({@code detail}) or an 8x8 ErrorResponse ({@code errors[].message}). */
    static String detail(JsonNode json, int status) {
        if (json == null) {
            return "HTTP " + status;
        }
        if (json.hasNonNull("detail")) {
            return json.get("detail").asText();
        }
        StringBuilder messages = new StringBuilder();
        for (JsonNode error : json.path("errors")) {
            if (messages.length() > 0) {
                messages.append("; ");
            }
            if (error.hasNonNull("field")) {
                messages.append(error.get("field").asText()).append(": ");
            }
            messages.append(error.path("message").asText(error.path("code").asText()));
        }
        return messages.length() > 0 ? messages.toString() : json.path("title").asText("HTTP " + status);
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
