package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and building PATCH operations; {@code op} is compared case-insensitively so rule order cannot matter. */
final class PatchOps {

    private PatchOps() {
    }

    static boolean isAdd(ObjectNode operation) {
        return is(operation, "add");
    }

    static boolean isRemove(ObjectNode operation) {
        return is(operation, "remove");
    }

    static boolean isAddOrReplace(ObjectNode operation) {
        return is(operation, "add") || is(operation, "replace");
    }

    /** The {@code path} when it is a string, else null. */
    static String path(ObjectNode operation) {
        JsonNode path = operation.get("path");
        return path != null && path.isTextual() ? path.textValue() : null;
    }

    /** No {@code path}, or {@code "path": null}: the target is the resource itself (RFC 7644 §3.5.2). */
    static boolean isPathless(ObjectNode operation) {
        JsonNode path = operation.get("path");
        return path == null || path.isNull();
    }

    static ObjectNode operation(JsonNode op, String path, JsonNode value) {
        ObjectNode operation = JsonNodeFactory.instance.objectNode();
        operation.set("op", op);
        operation.put("path", path);
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }

    static ObjectNode remove(String path) {
        return operation(JsonNodeFactory.instance.textNode("remove"), path, null);
    }

    private static boolean is(ObjectNode operation, String op) {
        JsonNode value = operation.get("op");
        return value != null && value.isTextual() && value.textValue().equalsIgnoreCase(op);
    }
}
