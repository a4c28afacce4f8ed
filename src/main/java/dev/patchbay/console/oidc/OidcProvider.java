package dev.patchbay.console.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provider's authorization and token endpoints, from its discovery document (read once, again after a
 * failure). The code flow is done here by hand rather than by a quarkus-oidc web-app tenant: that tenant
 * keeps its own session cookie and answers a bad callback with a bare 401, while the console has its own
 * PostgreSQL session, must refuse a forged or replayed callback with a page, and has to re-check the
 * provider on its own schedule.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ConsoleOidcSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile JsonNode discovery;

    public OidcProvider(ConsoleOidcSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Where the browser goes to sign in (PKCE S256, the nonce bound into the ID token). */
    public URI authorizationUrl(String state, String nonce, String codeChallenge, String redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", settings.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        String endpoint = endpoint("authorization_endpoint");
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    public ProviderTokens redeem(String code, String codeVerifier, String redirectUri) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", codeVerifier);
        return tokenRequest(body);
    }

    public ProviderTokens refresh(String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return tokenRequest(body);
    }

    private ProviderTokens tokenRequest(Map<String, String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint("token_endpoint"))).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        Map<String, String> form = new LinkedHashMap<>(body);
        if (settings.clientSecret().isPresent()) {
            String pair = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(settings.clientSecret().get(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", settings.clientId());
        }
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String error = answer == null ? "" : answer.path("error").asText("");
            throw new ProviderRefusal("The identity provider refused the token request (HTTP " + response.statusCode()
                    + (error.isEmpty() ? "" : ", " + error) + ").");
        }
        if (answer == null || !answer.path("access_token").isTextual()) {
            throw new ProviderRefusal("The identity provider's token answer has no access_token.");
        }
        return new ProviderTokens(answer.get("access_token").asText(), text(answer, "id_token"),
                text(answer, "refresh_token"),
                answer.path("expires_in").canConvertToLong() ? Optional.of(answer.get("expires_in").asLong())
                        : Optional.empty());
    }

    private String endpoint(String name) {
        JsonNode document = discovery();
        if (!document.path(name).isTextual()) {
            discovery = null;
            throw new ProviderRefusal("The identity provider's discovery document names no " + name + ".");
        }
        return document.get(name).asText();
    }

    private JsonNode discovery() {
        JsonNode document = discovery;
        if (document == null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create(settings.issuer() + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build());
            document = response.statusCode() == 200 ? parse(response.body()) : null;
            if (document == null) {
                throw new ProviderRefusal("The identity provider's discovery document could not be read (HTTP "
                        + response.statusCode() + ").");
            }
            discovery = document;
        }
        return document;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            discovery = null;
            throw new ProviderRefusal("The identity provider could not be reached (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderRefusal("Interrupted while asking the identity provider.");
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
