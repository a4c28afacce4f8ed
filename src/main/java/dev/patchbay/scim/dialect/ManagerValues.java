package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shapes Entra sends for the enterprise {@code manager}, and the RFC 7643 §4.3 complex value they mean. */
final class ManagerValues {

    private ManagerValues() {
    }

    /** {@code ""} and {@code []}: the IdP means "no manager". */
    static boolean meansNoManager(JsonNode value) {
        return (value.isTextual() && value.textValue().isBlank()) || (value.isArray() && value.isEmpty());
    }

    /**
     * {@code "271"} becomes {@code {"value":"271"}} and {@code [{"$ref":…,"value":…}]} becomes that object; any other
     * value is returned as it is.
     */
    static JsonNode complexValue(JsonNode value) {
        if (value.isTextual() && !value.textValue().isBlank()) {
            ObjectNode manager = JsonNodeFactory.instance.objectNode();
            manager.put("value", value.textValue());
            return manager;
        }
        if (value instanceof ArrayNode array && array.size() == 1 && array.get(0).isObject()) {
            return array.get(0);
        }
        return value;
    }
}
