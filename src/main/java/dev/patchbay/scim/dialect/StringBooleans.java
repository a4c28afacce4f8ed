package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Map;

/**
 * Turns {@code "True"}/{@code "false"} (any case) into JSON booleans wherever {@link BooleanAttributes} says the
 * attribute is boolean. Attribute paths are built the SCIM way: {@code emails.primary} for a sub-attribute,
 * {@code urn:…:User:directoryVisible} for an attribute of an extension schema.
 */
final class StringBooleans {

    private final BooleanAttributes booleans;

    StringBooleans(BooleanAttributes booleans) {
        this.booleans = booleans;
    }

    static boolean isBooleanText(String text) {
        return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text);
    }

    /** The members of a resource-shaped object (a POST body or a path-less PATCH value), changed in place. */
    void convertMembers(ResourceKind kind, ObjectNode object) {
        convertMembers(kind, object, null);
    }

    /** The value found at {@code attributePath}; returns the node to use instead (containers change in place). */
    JsonNode convert(ResourceKind kind, String attributePath, JsonNode value) {
        if (value.isTextual()) {
            return booleanOrSelf(kind, attributePath, value);
        }
        if (value instanceof ObjectNode object) {
            convertMembers(kind, object, attributePath);
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, convert(kind, attributePath, array.get(i)));
            }
        }
        return value;
    }

    private void convertMembers(ResourceKind kind, ObjectNode object, String parentPath) {
        for (Map.Entry<String, JsonNode> member : new ArrayList<>(object.properties())) {
            String path = childPath(parentPath, member.getKey());
            JsonNode converted = convert(kind, path, member.getValue());
            if (converted != member.getValue()) {
                object.set(member.getKey(), converted);
            }
        }
    }

    private JsonNode booleanOrSelf(ResourceKind kind, String attributePath, JsonNode value) {
        if (isBooleanText(value.textValue()) && booleans.isBoolean(kind, attributePath)) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value.textValue()));
        }
        return value;
    }

    private static String childPath(String parentPath, String name) {
        if (parentPath == null) {
            return name;
        }
        // Without a version segment a URN cannot be told apart; one with members is more likely a schema.
        boolean parentIsSchema = SchemaUrns.isUrn(parentPath) && !SchemaUrns.isAttributeUrn(parentPath);
        return parentPath + (parentIsSchema ? ":" : ".") + name;
    }
}
