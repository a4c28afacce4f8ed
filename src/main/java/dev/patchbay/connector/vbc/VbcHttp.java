package dev.patchbay.connector.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GETs of the Provisioning API (it has nothing else) with a bearer token; a refused token is renewed and
 * the call repeated once. Answers become typed failures by {@link #failureOf}; {@link #all} walks the HAL pages.
 */
final class VbcHttp {

    private static final int PAGE_SIZE = 100;

    private final VbcSettings settings;
    private final VbcTokens tokens;
    private final VendorHttp http;

    VbcHttp(VbcSettings settings, VbcTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = new VendorHttp("VBC", settings.requestTimeout(), VbcHttp::failureOf);
    }

    /** The answer's body, or empty on 404. */
    Optional<JsonNode> get(String path) {
        URI uri = settings.provisioning(path);
        String token = tokens.accessToken();
        VendorHttp.Response response = http.exchange(request(uri, token), "GET " + path);
        if (response.status() == 401) {
            tokens.rejected(token);
            response = http.exchange(request(uri, tokens.accessToken()), "GET " + path);
        }
        VendorHttp.Response answer = http.classify(response);
        return answer.status() == 404 ? Optional.empty() : Optional.ofNullable(answer.json());
    }

    /** One page (from 1) of a listing: the HAL envelope, whose {@code _embedded.data} holds the items. */
    Optional<JsonNode> page(String path, int page, int pageSize) {
        return get(path + "?page_size=" + pageSize + "&page=" + page);
    }

    /** Every item of a paged listing ({@code _embedded.data} of each page). */
    List<JsonNode> all(String path, String... filters) {
        List<JsonNode> items = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < filters.length; i += 2) {
            query.append('&').append(filters[i]).append('=')
                    .append(URLEncoder.encode(filters[i + 1], StandardCharsets.UTF_8));
        }
        int page = 1;
        int pages = 1;
        while (page <= pages) {
            JsonNode body = get(path + "?page_size=" + PAGE_SIZE + "&page=" + page + query).orElse(null);
            if (body == null) {
                break;
            }
            body.path("_embedded").path("data").forEach(items::add);
            pages = body.path("total_pages").asInt(1);
            page++;
        }
        return items;
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET();
    }

    /** VBC's answers as failures: 2xx and 404 are the caller's to read. */
    static Optional<ConnectorException> failureOf(VendorHttp.Response response) {
        int status = response.status();
        if (status / 100 == 2 || status == 404) {
            return Optional.empty();
        }
        JsonNode json = response.json();
        String said = "VBC answered " + status + ": " + message(json, status);
        if (status == 429 || status == 408 || status >= 500) {
            return Optional.of(new ConnectorException.Retryable(said,
                    RetryAfter.of(response, Clock.systemUTC()).orElse(null)));
        }
        if (status == 401) {
            // A token the token endpoint just issued and the API refuses: passing, not wrong credentials.
            return Optional.of(new ConnectorException.Retryable(said, null));
        }
        if (status == 403) {
            return Optional.of(new ConnectorException.AuthFailed(said
                    + " (the integration user must be an Account Administrator of this account)"));
        }
        return Optional.of(new ConnectorException.Rejected(said));
    }

    /** ErrorResponse {msg}, or ValidationErrorsResponse {title, invalid_parameters[{name, reason}]}. */
    static String message(JsonNode json, int status) {
        if (json == null) {
            return "HTTP " + status;
        }
        if (json.hasNonNull("msg")) {
            return json.get("msg").asText();
        }
        StringBuilder text = new StringBuilder(json.path("title").asText("HTTP " + status));
        json.path("invalid_parameters").forEach(parameter -> text.append("; ").append(parameter.path("name").asText())
                .append(": ").append(parameter.path("reason").asText()));
        return text.toString();
    }
}
