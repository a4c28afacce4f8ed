package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Entra's app-role elements whose {@code value} is a JSON object inside a string,
 * {@code {"value":"{\"id\":\"06b07648-…\",\"value\":\"25\",\"displayName\":\"Role1234\"}"}}, turned into the RFC 7643
 * role {@code {"value":"25","display":"Role1234"}}.
 */
final class RoleValues {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RoleValues() {
    }

    /** A {@code roles} value: an array of roles or a single role. Returns the node to use instead. */
    static JsonNode normalise(JsonNode roles) {
        if (roles instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normaliseRole(array.get(i)));
            }
            return array;
        }
        return normaliseRole(roles);
    }

    private static JsonNode normaliseRole(JsonNode role) {
        if (!(role instanceof ObjectNode outer) || !outer.path("value").isTextual()) {
            return role;
        }
        String encoded = outer.get("value").textValue().trim();
        if (!encoded.startsWith("{")) {
            return role;
        }
        JsonNode decoded;
        try {
            decoded = JSON.readTree(encoded);
        } catch (JsonProcessingException notJson) {
            return role;
        }
        if (!(decoded instanceof ObjectNode inner)) {
            return role;
        }
        TextNode value = scalarText(inner.get("value"));
        if (value == null) {
            value = scalarText(inner.get("id"));
        }
        if (value == null) {
            return role;
        }
        ObjectNode normalised = outer.objectNode();
        normalised.set("value", value);
        TextNode display = scalarText(inner.has("displayName") ? inner.get("displayName") : inner.get("display"));
        if (display != null) {
            normalised.set("display", display);
        }
        copyIfPresent(outer, normalised, "type");
        copyIfPresent(outer, normalised, "primary");
        return normalised;
    }

    private static TextNode scalarText(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? (TextNode) node : TextNode.valueOf(node.asText());
    }

    private static void copyIfPresent(ObjectNode from, ObjectNode to, String name) {
        if (from.has(name)) {
            to.set(name, from.get(name));
        }
    }
}
