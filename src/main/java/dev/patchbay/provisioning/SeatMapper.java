package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seat a user asks for: identity from the SCIM core attributes, seat values sent directly in the
 * Patchbay extension, and the names of the user's groups.
 */
public final class SeatMapper {

    public static final String PATCHBAY_URN = "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User";

    private SeatMapper() {
    }

    public static Seat toSeat(StoredUser user, Collection<String> groupNames) {
        ObjectNode attributes = user.data().attributes();
        Map<SeatField, Object> fields = new EnumMap<>(SeatField.class);
        fields.put(SeatField.USER_NAME, user.data().userName());
        put(fields, SeatField.EXTERNAL_ID, user.data().externalId());
        put(fields, SeatField.GIVEN_NAME, text(attributes.path("name").get("givenName")));
        put(fields, SeatField.FAMILY_NAME, text(attributes.path("name").get("familyName")));
        put(fields, SeatField.DISPLAY_NAME, user.data().displayName());
        put(fields, SeatField.EMAIL, preferred(attributes.get("emails"), "work"));
        put(fields, SeatField.PHONE, preferred(attributes.get("phoneNumbers"), "work"));
        JsonNode seat = attributes.path(PATCHBAY_URN);
        put(fields, SeatField.LICENSE, text(seat.get("license")));
        put(fields, SeatField.SITE, text(seat.get("site")));
        put(fields, SeatField.EXTENSION, text(seat.get("extension")));
        put(fields, SeatField.TELEPHONY_REGION, text(seat.get("telephonyRegion")));
        if (seat.get("directoryVisible") != null) {
            fields.put(SeatField.DIRECTORY_VISIBLE, seat.get("directoryVisible").asBoolean());
        }
        putSet(fields, SeatField.ROLES, strings(seat.get("roles")));
        putSet(fields, SeatField.QUEUES, strings(seat.get("queues")));
        putSet(fields, SeatField.GROUPS, new TreeSet<>(groupNames));
        Map<String, Integer> skills = new LinkedHashMap<>();
        if (seat.get("skills") != null) {
            seat.get("skills").forEach(skill -> skills.put(skill.path("name").asText(), skill.path("level").asInt(0)));
        }
        if (!skills.isEmpty()) {
            fields.put(SeatField.SKILLS, Map.copyOf(skills));
        }
        return new Seat(user.data().active(), fields);
    }

    /** The value of the element of {@code type}, else the primary one, else the first. */
    private static String preferred(JsonNode values, String type) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            return null;
        }
        for (JsonNode value : values) {
            if (type.equalsIgnoreCase(value.path("type").asText())) {
                return text(value.get("value"));
            }
        }
        for (JsonNode value : values) {
            if (value.path("primary").asBoolean(false)) {
                return text(value.get("value"));
            }
        }
        return text(values.get(0).get("value"));
    }

    private static Set<String> strings(JsonNode values) {
        Set<String> result = new TreeSet<>();
        if (values != null) {
            values.forEach(value -> result.add(value.asText()));
        }
        return result;
    }

    private static void putSet(Map<SeatField, Object> fields, SeatField field, Set<String> values) {
        if (!values.isEmpty()) {
            fields.put(field, Set.copyOf(values));
        }
    }

    private static void put(Map<SeatField, Object> fields, SeatField field, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(field, value);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
