package dev.patchbay.connector.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.kit.RetryAfter;
import dev.patchbay.connector.kit.VendorHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * VBC's SCIM endpoint, where the admin configured one (UNVERIFIED: Vonage enables it per account and
 * publishes no base URL for a gateway): identity only — login name, first and last name, work email and
 * active — with a static bearer token. Lines, extensions and numbers stay portal tasks.
 */
final class VbcScim {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Map<SeatField, String> PATHS = Map.of(SeatField.USER_NAME, "userName",
            SeatField.GIVEN_NAME, "name.givenName", SeatField.FAMILY_NAME, "name.familyName",
            SeatField.EMAIL, "emails[type eq \"work\"].value");

    private final URI usersUrl;
    private final String token;
    private final VendorHttp http;

    VbcScim(URI baseUrl, String token, Duration timeout) {
        String base = baseUrl.toString();
        this.usersUrl = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/Users");
        this.token = token;
        this.http = new VendorHttp("VBC SCIM", timeout, VbcScim::failureOf);
    }

    /** The fields SCIM writes; the others of a seat are the portal's. */
    static boolean writes(SeatField field) {
        return PATHS.containsKey(field);
    }

    /** Creates the user's identity; its id is the Provisioning API's user id. */
    String create(Seat seat) {
        ObjectNode user = JSON.objectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", seat.text(SeatField.USER_NAME));
        user.putObject("name").put("givenName", seat.text(SeatField.GIVEN_NAME))
                .put("familyName", seat.text(SeatField.FAMILY_NAME));
        user.putArray("emails").addObject().put("value", seat.text(SeatField.EMAIL)).put("type", "work")
                .put("primary", true);
        user.put("active", true);
        return http.send(request(usersUrl).POST(body(user)), "POST /Users").json().path("id").asText();
    }

    Optional<JsonNode> get(String id) {
        VendorHttp.Response response = http.send(request(user(id)).GET(), "GET /Users/" + id);
        return response.status() == 404 ? Optional.empty() : Optional.ofNullable(response.json());
    }

    Optional<String> findByUserName(String userName) {
        String filter = URLEncoder.encode("userName eq \"" + userName.replace("\"", "\\\"") + "\"",
                StandardCharsets.UTF_8);
        JsonNode page = http.send(request(URI.create(usersUrl + "?filter=" + filter)).GET(), "GET /Users?filter")
                .json();
        JsonNode first = page == null ? null : page.path("Resources").path(0);
        return first == null || first.isMissingNode() ? Optional.empty() : Optional.of(first.path("id").asText());
    }

    /** Replaces each changed identity field; a field SCIM does not write is not sent. */
    void patch(String id, Map<SeatField, Object> changes) {
        ObjectNode request = patchRequest();
        ArrayNode operations = (ArrayNode) request.get("Operations");
        changes.forEach((field, value) -> {
            if (writes(field)) {
                ObjectNode operation = operations.addObject().put("op", "replace").put("path", PATHS.get(field));
                operation.put("value", value == null ? null : value.toString());
            }
        });
        if (!operations.isEmpty()) {
            send(id, request);
        }
    }

    void active(String id, boolean active) {
        ObjectNode request = patchRequest();
        ((ArrayNode) request.get("Operations")).addObject().put("op", "replace").put("path", "active")
                .put("value", active);
        send(id, request);
    }

    /** Deletes the user; one that is gone already is fine. */
    void delete(String id) {
        http.send(request(user(id)).DELETE(), "DELETE /Users/" + id);
    }

    private void send(String id, ObjectNode request) {
        VendorHttp.Response response = http.send(request(user(id)).method("PATCH", body(request)),
                "PATCH /Users/" + id);
        if (response.status() == 404) {
            throw new ConnectorException.NotFound("VBC has no user " + id);
        }
    }

    private static ObjectNode patchRequest() {
        ObjectNode request = JSON.objectNode();
        request.putArray("schemas").add(PATCH_SCHEMA);
        request.putArray("Operations");
        return request;
    }

    private URI user(String id) {
        return URI.create(usersUrl + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json").header("Content-Type", "application/scim+json");
    }

    private static HttpRequest.BodyPublisher body(JsonNode json) {
        return HttpRequest.BodyPublishers.ofString(json.toString());
    }

    /** SCIM answers as failures: 2xx and 404 are the caller's to read. */
    static Optional<ConnectorException> failureOf(VendorHttp.Response response) {
        int status = response.status();
        if (status / 100 == 2 || status == 404) {
            return Optional.empty();
        }
        JsonNode json = response.json();
        String detail = json == null ? "HTTP " + status : json.path("detail").asText("HTTP " + status);
        String said = "VBC SCIM answered " + status + ": " + detail;
        if (status == 429 || status >= 500) {
            return Optional.of(new ConnectorException.Retryable(said,
                    RetryAfter.of(response, Clock.systemUTC()).orElse(null)));
        }
        if (status == 409) {
            return Optional.of(new ConnectorException.Conflict(said));
        }
        if (status == 401 || status == 403) {
            return Optional.of(new ConnectorException.AuthFailed(said + " (check the connection's scimToken)"));
        }
        return Optional.of(new ConnectorException.Rejected(said));
    }
}
