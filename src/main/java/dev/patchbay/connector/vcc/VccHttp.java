package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * The User Admin API over HTTP: the versioned Accept header VCC requires, a client-credentials bearer
 * token (replaced and the call repeated once when refused), and VCC's answers as typed failures. A 429
 * without Retry-After waits the session's backoff.
 */
final class VccHttp {

    static final String MEDIA_TYPE = "application/vnd.newvoicemedia.v4+json";
    static final String VENDOR = "Vonage Contact Center";

    private final VccSettings settings;
    private final VccSession session;
    private final VendorHttp http;

    VccHttp(VccSettings settings, VccSession session) {
        this.settings = settings;
        this.session = session;
        this.http = new VendorHttp(VENDOR, settings.requestTimeout(), response -> Optional.empty());
    }

    /** An answer the caller reads: 2xx, or a refusal (400, 404, 409) it may react to. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        boolean notFound() {
            return status == 404;
        }

        String message() {
            return body == null ? "HTTP " + status : body.path("message").asText("HTTP " + status);
        }
    }

    /** Sends to {@code /useradmin + path}; 2xx and 404 are returned, anything else thrown typed. */
    Answer send(String method, String path, JsonNode body) {
        Answer answer = exchange(method, path, body);
        if (answer.ok() || answer.notFound()) {
            return answer;
        }
        if (answer.status() == 409) {
            throw new ConnectorException.Conflict(VENDOR + " answered 409: " + answer.message());
        }
        throw new ConnectorException.Rejected(VENDOR + " refused " + method + " " + path + " (" + answer.status()
                + "): " + answer.message());
    }

    /** Sends; 2xx, 400, 404 and 409 are returned, the rest (429, 5xx, auth) thrown typed. */
    Answer exchange(String method, String path, JsonNode body) {
        String token = session.tokens().accessToken();
        VendorHttp.Response response = http.exchange(request(method, path, body, token), method + " " + path);
        if (response.status() == 401) {
            session.tokens().rejected(token);
            token = session.tokens().accessToken();
            response = http.exchange(request(method, path, body, token), method + " " + path);
            if (response.status() == 401) {
                session.tokens().rejected(token);
            }
        }
        int status = response.status();
        JsonNode json = response.json();
        String message = json == null ? "HTTP " + status : json.path("message").asText("HTTP " + status);
        if (status == 429) {
            throw new ConnectorException.Retryable(VENDOR + " fair use limit reached (429): " + message,
                    RetryAfter.of(response, Clock.systemUTC()).orElseGet(session::refused));
        }
        session.answered();
        if (status == 408 || status >= 500) {
            throw new ConnectorException.Retryable(VENDOR + " answered " + status + ": " + message, null);
        }
        if (status == 401) {
            throw new ConnectorException.Retryable(VENDOR + " refused a fresh access token (401): " + message, null);
        }
        if (status == 403) {
            throw new ConnectorException.AuthFailed(VENDOR + " answered 403: " + message + " (give the API credential"
                    + " the scopes " + String.join(" ", settings.scopes()) + ")");
        }
        return new Answer(status, json);
    }

    private HttpRequest.Builder request(String method, String path, JsonNode body, String token) {
        return HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + "/useradmin" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", MEDIA_TYPE)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
    }
}
