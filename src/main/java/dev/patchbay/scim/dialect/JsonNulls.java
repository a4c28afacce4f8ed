package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Map;

/** Removes JSON {@code null} members and {@code null} array elements at any depth. */
final class JsonNulls {

    private JsonNulls() {
    }

    /** Changes {@code node} in place; the node must belong to the dialect (a copy of the caller's). */
    static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : new ArrayList<>(object.properties())) {
                if (member.getValue().isNull()) {
                    object.remove(member.getKey());
                } else {
                    strip(member.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                } else {
                    strip(array.get(i));
                }
            }
        }
    }
}
