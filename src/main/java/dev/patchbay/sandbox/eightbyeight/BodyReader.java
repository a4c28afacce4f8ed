package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads attributes out of a JSON body and collects what is wrong instead of failing on the first
 * problem. SCIM attribute names are case-insensitive (RFC 7643 §2.1); the Admin API's are not.
 */
final class BodyReader {

    private final boolean caseInsensitiveNames;
    private final List<Violation> violations = new ArrayList<>();

    BodyReader(boolean caseInsensitiveNames) {
        this.caseInsensitiveNames = caseInsensitiveNames;
    }

    /** The body as a JSON object, or an {@link InvalidInput} saying why it is not one. */
    static ObjectNode object(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput(null, "The request body is empty");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInput(null, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidInput(null, "The request body must be a JSON object");
    }

    /** The attribute's value; null when it is absent or JSON null. */
    JsonNode get(JsonNode parent, String name) {
        if (!(parent instanceof ObjectNode object)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (value == null && caseInsensitiveNames) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equalsIgnoreCase(name)) {
                    value = field.getValue();
                    break;
                }
            }
        }
        return value == null || value.isNull() ? null : value;
    }

    String text(JsonNode parent, String name, String field) {
        JsonNode value = get(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            violation(field, "must be a string");
            return null;
        }
        return value.textValue();
    }

    /** Booleans; with {@code lenient}, also the strings "true"/"false" that Entra ID sends. */
    Boolean bool(JsonNode parent, String name, String field, boolean lenient) {
        return bool(get(parent, name), field, lenient);
    }

    Boolean bool(JsonNode value, String field, boolean lenient) {
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (lenient && value.isTextual()
                && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue().toLowerCase());
        }
        violation(field, "must be a boolean");
        return null;
    }

    ObjectNode object(JsonNode parent, String name, String field) {
        JsonNode value = get(parent, name);
        if (value == null) {
            return null;
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        violation(field, "must be an object");
        return null;
    }

    /** The array's elements; an empty list when absent. */
    List<JsonNode> array(JsonNode parent, String name, String field) {
        JsonNode value = get(parent, name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof ArrayNode array)) {
            violation(field, "must be an array");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    boolean hasViolations() {
        return !violations.isEmpty();
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
