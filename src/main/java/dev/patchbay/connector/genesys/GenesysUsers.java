package dev.patchbay.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.VendorRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Genesys Cloud users: created in the home division (a collision with an inactive or deleted user of the
 * same email restores that user: a rehire), searched by email and state, and patched with their current
 * version (a stale version is re-read and the change re-applied).
 */
final class GenesysUsers {

    private static final int VERSION_ATTEMPTS = 4;

    private final GenesysApi api;

    GenesysUsers(GenesysApi api) {
        this.api = api;
    }

    VendorRef create(Seat seat) {
        ObjectNode user = GenesysHttp.JSON.createObjectNode();
        user.put("name", name(seat));
        user.put("email", seat.text(SeatField.USER_NAME));
        String divisionId = api.catalog().divisionId(seat.text(SeatField.DIVISION));
        user.put("divisionId", divisionId);
        user.put("state", "active");
        try {
            String id = api.http().send("POST", "/users", user).body().path("id").asText();
            api.catalog().listings().putDivision(id, divisionId, api.catalog().now());
            return new VendorRef(id);
        } catch (ConnectorException.Conflict e) {
            return rehire(seat).orElseThrow(() -> e);
        }
    }

    /**
     * Genesys keeps an email for good, deleted users included: the returning user's old account is
     * restored and brought up to date. Its license, roles, skills and queues come back with the follow-ups.
     */
    private Optional<VendorRef> rehire(Seat seat) {
        List<JsonNode> previous = search(seat.text(SeatField.USER_NAME), List.of("inactive", "deleted"));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = previous.get(0);
        VendorRef ref = new VendorRef(user.path("id").asText());
        String state = user.path("state").asText();
        patchUser(ref, "deleted".equals(state) ? "deleted" : null, body -> body.put("state", "active"));
        patchUser(ref, null, body -> body.put("name", name(seat)).put("email", seat.text(SeatField.USER_NAME)));
        return Optional.of(ref);
    }

    /**
     * PATCHes with the user's current version; when someone else changed the user in between, the
     * change is re-applied to a fresh read.
     */
    void patchUser(VendorRef ref, String stateParam, UnaryOperator<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            JsonNode current = GenesysApi.require(api.http().send("GET", "/users/" + ref.id()
                    + (stateParam == null ? "" : "?state=" + stateParam), null), ref);
            ObjectNode body = change.apply(GenesysHttp.JSON.createObjectNode());
            if (body.isEmpty()) {
                return;
            }
            body.put("version", current.path("version").asInt());
            try {
                GenesysApi.require(api.http().send("PATCH", "/users/" + ref.id(), body), ref);
                return;
            } catch (GenesysHttp.VersionMismatch e) {
                if (attempt >= VERSION_ATTEMPTS) {
                    throw new ConnectorException.Retryable("Genesys Cloud user " + ref.id()
                            + " kept changing while it was updated: " + e.getMessage(), null);
                }
            }
        }
    }

    static ObjectNode identity(ObjectNode body, Map<SeatField, Object> changes) {
        changes.forEach((field, value) -> {
            switch (field) {
                case USER_NAME -> body.put("email", value == null ? null : value.toString());
                case DISPLAY_NAME -> {
                    if (value != null) {
                        body.put("name", value.toString());
                    }
                }
                default -> {
                    // not a Genesys user attribute
                }
            }
        });
        return body;
    }

    /** Genesys has one name: the display name, else given and family name, else the user name. */
    private static String name(Seat seat) {
        if (seat.has(SeatField.DISPLAY_NAME)) {
            return seat.text(SeatField.DISPLAY_NAME);
        }
        String given = seat.text(SeatField.GIVEN_NAME);
        String family = seat.text(SeatField.FAMILY_NAME);
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? seat.text(SeatField.USER_NAME) : joined;
    }

    List<JsonNode> search(String email, List<String> states) {
        ObjectNode request = GenesysHttp.JSON.createObjectNode();
        request.put("pageSize", 25).put("pageNumber", 1);
        ArrayNode query = request.putArray("query");
        query.addObject().put("type", "EXACT").put("value", email).putArray("fields").add("email");
        ObjectNode state = query.addObject().put("type", "EXACT");
        state.putArray("fields").add("state");
        ArrayNode values = state.putArray("values");
        states.forEach(values::add);
        List<JsonNode> results = new ArrayList<>();
        JsonNode answer = api.http().send("POST", "/users/search", request).body();
        if (answer != null) {
            answer.path("results").forEach(results::add);
        }
        return results;
    }
}
