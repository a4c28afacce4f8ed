package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Drops {@code id} from a path-less add or replace on a group: {@code id} is readOnly (RFC 7643 §3.1), and Okta
 * echoes it in the rename it sends before every membership change. An operation left with an empty value did
 * nothing but echo the id and is dropped (the SDK rejects an empty value).
 *
 * <p>Okta, group push (SCIM 2.0 Protocol Reference, "Update a specific Group name"; "The group name update operation
 * is triggered each time there is a group membership update operation"):
 * <pre>{@code
 * {
 *     "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *     "Operations": [{
 *         "op": "replace",
 *         "value": {
 *             "id": "abf4dd94-a4c0-4f67-89c9-76b03340cb9b",
 *             "displayName": "Test SCIMv2"
 *         }
 *     }]
 * }
 * }</pre>
 */
final class GroupIdEchoRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        if (kind != ResourceKind.GROUP || !PatchOps.isAddOrReplace(operation) || !PatchOps.isPathless(operation)
                || !(operation.get("value") instanceof ObjectNode value)) {
            return List.of(operation);
        }
        String idName = JsonMembers.actualName(value, "id");
        if (idName == null) {
            return List.of(operation);
        }
        value.remove(idName);
        return value.isEmpty() ? List.of() : List.of(operation);
    }
}
