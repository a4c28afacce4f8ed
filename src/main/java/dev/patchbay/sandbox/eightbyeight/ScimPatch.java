package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ScimRefusal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * An 8x8 SCIM PatchOp: 8x8 lets PATCH change {@code active} only, either as
 * {@code {"op":"replace","path":"active","value":false}} or path-less {@code {"value":{"active":false}}}.
 */
final class ScimPatch {

    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ONLY_ACTIVE = "8x8 SCIM PATCH supports only the active attribute";

    private ScimPatch() {
    }

    /** @return the {@code active} value the PATCH sets */
    static boolean activeValue(ObjectNode body) {
        BodyReader in = new BodyReader(true);
        JsonNode schemas = in.get(body, "schemas");
        boolean declared = schemas != null && schemas.isArray()
                && StreamSupport.stream(schemas.spliterator(), false)
                        .anyMatch(schema -> PATCH_SCHEMA.equals(schema.asText()));
        if (!declared) {
            throw new ScimRefusal(400, "invalidSyntax", "schemas must contain " + PATCH_SCHEMA);
        }
        List<JsonNode> operations = in.array(body, "Operations", "Operations");
        if (in.hasViolations() || operations.isEmpty()) {
            throw new ScimRefusal(400, "invalidSyntax", "Operations must be a non-empty array");
        }
        Boolean active = null;
        for (JsonNode operation : operations) {
            active = apply(in, operation);
        }
        return active;
    }

    private static boolean apply(BodyReader in, JsonNode operation) {
        String op = in.text(operation, "op", "op");
        if (op == null || !(op.equalsIgnoreCase("replace") || op.equalsIgnoreCase("add")
                || op.equalsIgnoreCase("remove"))) {
            throw new ScimRefusal(400, "invalidSyntax", "op must be add, replace or remove");
        }
        String path = in.text(operation, "path", "path");
        JsonNode value = in.get(operation, "value");
        if (in.hasViolations() || op.equalsIgnoreCase("remove")) {
            throw new ScimRefusal(400, "invalidPath", ONLY_ACTIVE);
        }
        if (path != null) {
            if (!isActive(path)) {
                throw new ScimRefusal(400, "invalidPath", ONLY_ACTIVE);
            }
            return active(in, value);
        }
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            throw new ScimRefusal(400, "invalidValue", "A PATCH operation without path needs an object value");
        }
        Boolean active = null;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!isActive(field.getKey())) {
                throw new ScimRefusal(400, "invalidPath", ONLY_ACTIVE);
            }
            active = active(in, field.getValue());
        }
        return active;
    }

    private static boolean isActive(String path) {
        return path.equalsIgnoreCase("active") || path.equalsIgnoreCase(ScimUserInput.CORE_SCHEMA + ":active");
    }

    private static boolean active(BodyReader in, JsonNode value) {
        Boolean active = in.bool(value, "active", true);
        if (active == null) {
            throw new ScimRefusal(400, "invalidValue", "active must be a boolean");
        }
        return active;
    }
}
