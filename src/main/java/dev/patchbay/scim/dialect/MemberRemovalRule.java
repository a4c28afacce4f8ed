package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a remove of {@code members} that lists the members in {@code value} into one filtered remove per member,
 * {@code {"op":"remove","path":"members[value eq \"u1091\"]"}}: RFC 7644 §3.5.2.2 has no value on remove, and read
 * strictly a remove of {@code members} empties the group. An empty list removes nothing, so the operation is dropped;
 * a remove of {@code members} without value (remove all members) and a list with an element that has no string
 * {@code value} are left as they are.
 *
 * <p>Entra ID without {@code aadOptscim062020} (known-issues page "Known issues and resolutions with SCIM 2.0 protocol
 * compliance", requests made to remove a group member):
 * <pre>{@code
 * {
 *     "schemas": [
 *         "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *     ],
 *     "Operations": [
 *         {
 *             "op": "Remove",
 *             "path": "members",
 *             "value": [
 *                 {
 *                     "value": "u1091"
 *                 }
 *             ]
 *         }
 *     ]
 * }
 * }</pre>
 */
final class MemberRemovalRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        String path = PatchOps.path(operation);
        JsonNode value = operation.get("value");
        if (kind != ResourceKind.GROUP || !PatchOps.isRemove(operation) || path == null
                || !path.equalsIgnoreCase("members") || value == null) {
            return List.of(operation);
        }
        List<JsonNode> members = new ArrayList<>();
        if (value instanceof ArrayNode array) {
            array.forEach(members::add);
        } else {
            members.add(value);
        }
        List<ObjectNode> removals = new ArrayList<>();
        for (JsonNode member : members) {
            JsonNode id = member.get("value");
            if (!member.isObject() || id == null || !id.isTextual()) {
                return List.of(operation);
            }
            removals.add(PatchOps.remove("members[value eq " + FilterLiterals.quote(id.textValue()) + "]"));
        }
        return removals;
    }
}
