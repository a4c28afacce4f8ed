package dev.patchbay.connector.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP to 8x8, with its answers turned into typed connector failures by {@link #failureOf}. Every request is
 * counted on the calling job's {@link CallMeter}, with the Admin API's {@code x-ratelimit-*} counters.
 */
final class EightByEightHttp {

    static final ObjectMapper JSON = VendorHttp.JSON;

    private final VendorHttp http;
    private final EightByEightLimits limits;
    private final ThreadLocal<CallMeter> meter = ThreadLocal.withInitial(CallMeter::new);

    EightByEightHttp(Duration timeout, EightByEightLimits limits) {
        this.http = new VendorHttp("8x8", timeout, EightByEightHttp::failureOf);
        this.limits = limits;
    }

    /** The calls this thread makes from now on count on {@code callMeter} (the job's). */
    void meteredBy(CallMeter callMeter) {
        meter.set(callMeter);
    }

    record Answer(int status, JsonNode body) {
    }

    /** Sends and returns the answer for 2xx and 404; every other status becomes a typed failure. */
    Answer send(String method, URI uri, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        CallMeter callMeter = meter.get();
        callMeter.called();
        VendorHttp.Response raw = http.exchange(request, method + " " + uri.getPath());
        limits.count(raw).ifPresent(callMeter::reported);
        VendorHttp.Response response = http.classify(raw);
        return new Answer(response.status(), response.json());
    }

    static Optional<ConnectorException> failureOf(VendorHttp.Response response) {
        int status = response.status();
        if (status / 100 == 2 || status == 404) {
            return Optional.empty();
        }
        String detail = detail(response.json(), status);
        if (status == 429 || status == 408 || status >= 500) {
            return Optional.of(new ConnectorException.Retryable("8x8 answered " + status + ": " + detail,
                    retryAfter(response).orElse(null)));
        }
        if (status == 401 || status == 403) {
            return Optional.of(new ConnectorException.AuthFailed("8x8 answered " + status + ": " + detail));
        }
        if (status == 409) {
            return Optional.of(new ConnectorException.Conflict(detail));
        }
        return Optional.of(new ConnectorException.Rejected("8x8 answered " + status + ": " + detail));
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

    /** Retry-After, else (for a 429) the x-ratelimit-reset epoch second. */
    private static Optional<Duration> retryAfter(VendorHttp.Response response) {
        return RetryAfter.of(response, Clock.systemUTC())
                .or(() -> response.status() == 429
                        ? RetryAfter.untilEpochSecond(response, "x-ratelimit-reset", Clock.systemUTC())
                        : Optional.empty());
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
}
