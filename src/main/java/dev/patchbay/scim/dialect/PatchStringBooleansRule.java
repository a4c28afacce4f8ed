package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns string booleans into JSON booleans in add and replace values: for a {@code path} on a boolean attribute
 * ({@code active}, {@code emails[type eq "work"].primary}, {@code urn:…:User:directoryVisible}) the value itself, for
 * objects and path-less values their boolean members, as {@link StringBooleansRule} does for POST bodies.
 *
 * <p>Entra ID without {@code aadOptscim062020} (known-issues page "Known issues and resolutions with SCIM 2.0 protocol
 * compliance", requests made to disable users; also lower-case {@code "false"}, scimmy #86):
 * <pre>{@code
 * {
 *     "schemas": [
 *         "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *     ],
 *     "Operations": [
 *         {
 *             "op": "Replace",
 *             "path": "active",
 *             "value": "False"
 *         }
 *     ]
 * }
 * }</pre>
 */
final class PatchStringBooleansRule implements PatchOperationRule {

    private final StringBooleans stringBooleans;

    PatchStringBooleansRule(BooleanAttributes booleans) {
        this.stringBooleans = new StringBooleans(booleans);
    }

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        JsonNode value = operation.get("value");
        if (!PatchOps.isAddOrReplace(operation) || value == null) {
            return List.of(operation);
        }
        String path = PatchOps.path(operation);
        if (path != null) {
            operation.set("value", stringBooleans.convert(kind, PatchPaths.attributePath(path), value));
        } else if (PatchOps.isPathless(operation) && value instanceof ObjectNode resource) {
            stringBooleans.convertMembers(kind, resource);
        }
        return List.of(operation);
    }
}
