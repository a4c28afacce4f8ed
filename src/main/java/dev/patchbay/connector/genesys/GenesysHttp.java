package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.connector.CallMeter;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.ClientCredentialsTokens;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Platform API v2 over HTTP with a client-credentials bearer token of the connection's OAuth clients
 * in turn; answers become typed connector failures by {@link #failureOf}. A refused token is replaced and
 * the call repeated at once; a client whose credentials the login refuses is set aside while another is
 * left. Every request is counted on the calling job's {@link CallMeter}, with the client's
 * {@code inin-ratelimit-*} counters.
 */
final class GenesysHttp {

    static final ObjectMapper JSON = VendorHttp.JSON;

    private final GenesysSettings settings;
    private final GenesysClients clients;
    private final VendorHttp http;
    private final ThreadLocal<CallMeter> meter = ThreadLocal.withInitial(CallMeter::new);

    GenesysHttp(GenesysSettings settings, GenesysClients clients) {
        this.settings = settings;
        this.clients = clients;
        this.http = new VendorHttp("Genesys Cloud", settings.requestTimeout(), GenesysHttp::failureOf);
    }

    /** The calls this thread makes from now on count on {@code callMeter} (the job's). */
    void meteredBy(CallMeter callMeter) {
        meter.set(callMeter);
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
        GenesysClients.Client client = clients.pick();
        String token = token(client);
        while (token == null) {
            client = clients.pick();
            token = token(client);
        }
        // Whichever call found a client refused, every job's meter learns that it is set aside.
        clients.setAsideNow().forEach(meter.get()::credentialRefused);
        ClientCredentialsTokens tokens = client.tokens;
        VendorHttp.Response response = exchange(client, method, path, body, token);
        if (response.status() == 401) {
            tokens.rejected(token);
            token = tokens.accessToken();
            response = exchange(client, method, path, body, token);
            if (response.status() == 401) {
                // A token the login just issued and the API still refuses: a passing fault, not wrong
                // credentials (only the login refusing them says that). The next attempt gets yet another.
                tokens.rejected(token);
            }
        }
        if (clients.reinstated(client)) {
            meter.get().credentialAccepted(client.clientId);
        }
        VendorHttp.Response answer = http.classify(response);
        return new Answer(answer.status(), answer.json());
    }

    /**
     * The client's access token; null when the login refused the client and another is left to use
     * (the refusal is on the meter). The last client's refusal is the connection's.
     */
    private String token(GenesysClients.Client client) {
        try {
            return client.tokens.accessToken();
        } catch (ConnectorException.AuthFailed refused) {
            if (clients.size() == 1) {
                throw refused;
            }
            meter.get().credentialRefused(client.clientId, refused.getMessage());
            if (!clients.setAside(client, refused.getMessage())) {
                throw refused;
            }
            return null;
        }
    }

    private VendorHttp.Response exchange(GenesysClients.Client client, String method, String path, JsonNode body,
            String token) {
        CallMeter callMeter = meter.get();
        callMeter.called();
        VendorHttp.Response response = http.exchange(request(method, path, body, token), method + " " + path);
        Optional<Integer> allowed = number(response, "inin-ratelimit-allowed");
        Optional<Integer> count = number(response, "inin-ratelimit-count");
        Optional<Duration> reset = RetryAfter.seconds(response, "inin-ratelimit-reset");
        if (allowed.isPresent() && allowed.get() > 0 && count.isPresent() && reset.isPresent()) {
            callMeter.reported(clients.report(client, allowed.get(), Math.max(0, count.get()), reset.get()));
        }
        return response;
    }

    private static Optional<Integer> number(VendorHttp.Response response, String header) {
        return response.header(header).flatMap(value -> {
            try {
                return Optional.of(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private HttpRequest.Builder request(String method, String path, JsonNode body, String token) {
        return HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + "/api/v2" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** Genesys' answers as failures: 2xx and 404 are the caller's to read. */
    static Optional<ConnectorException> failureOf(VendorHttp.Response response) {
        int status = response.status();
        if (status / 100 == 2 || status == 404) {
            return Optional.empty();
        }
        JsonNode json = response.json();
        String message = message(json, status);
        String code = json == null ? "" : json.path("code").asText("");
        String said = "Genesys Cloud answered " + status + " " + code + ": " + message;
        if (status == 429 || status == 408 || status >= 500) {
            return Optional.of(new ConnectorException.Retryable(said, retryAfter(response).orElse(null)));
        }
        if (status == 401) {
            return Optional.of(new ConnectorException.Retryable("Genesys Cloud refused a fresh access token (401 "
                    + code + ": " + message + ")", null));
        }
        if (status == 403) {
            return Optional.of(new ConnectorException.AuthFailed(said + " (grant the OAuth client the roles this needs)"));
        }
        if ((status == 409 || status == 400) && message.toLowerCase(Locale.ROOT).contains("version")) {
            // Not a failure of the step: the user's code re-reads and re-applies.
            throw new VersionMismatch(message);
        }
        if (status == 409) {
            return Optional.of(new ConnectorException.Conflict(code + ": " + message));
        }
        return Optional.of(new ConnectorException.Rejected(said));
    }

    /**
     * Retry-After; for a 429 without it, inin-ratelimit-reset (seconds until the window resets). Genesys
     * sends inin-ratelimit-reset on every answer, so on a 5xx it says nothing about the fault: a pause
     * there would stop the whole vendor account for one call's transient error.
     */
    static Optional<Duration> retryAfter(VendorHttp.Response response) {
        return RetryAfter.of(response, Clock.systemUTC())
                .or(() -> response.status() == 429 ? RetryAfter.seconds(response, "inin-ratelimit-reset")
                        : Optional.empty());
    }

    /** The message of Genesys' ErrorBody. */
    static String message(JsonNode json, int status) {
        if (json == null || !json.hasNonNull("message")) {
            return "HTTP " + status;
        }
        return json.get("message").asText();
    }
}
