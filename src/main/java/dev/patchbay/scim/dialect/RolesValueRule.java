package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Decodes JSON-in-a-string roles (see {@link RolesInStringRule}) in the value of an add or replace on {@code roles}
 * (also {@code roles[…]}), and in the {@code roles} member of a path-less value.
 *
 * <p>Entra ID without {@code aadOptscim062020} (customize-application-attributes.md, AppRoleAssignmentsComplex,
 * example output (PATCH)):
 * <pre>{@code
 * {
 *   "schemas": [
 *     "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *   ],
 *   "Operations": [
 *     {
 *       "op": "Add",
 *       "path": "roles",
 *       "value": [
 *         {
 *           "value": "{\"id\":\"06b07648-ecfe-589f-9d2f-6325724a46ee\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"
 *         },
 *         {
 *           "value": "{\"id\":\"06b07648-ecfe-599f-9d2f-6325724a46ee\",\"value\":\"User\",\"displayName\":\"User\"}"
 *         }
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 */
final class RolesValueRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        JsonNode value = operation.get("value");
        if (!PatchOps.isAddOrReplace(operation) || value == null) {
            return List.of(operation);
        }
        String path = PatchOps.path(operation);
        if (path != null && PatchPaths.attributePath(path).equalsIgnoreCase("roles")) {
            operation.set("value", RoleValues.normalise(value));
        } else if (PatchOps.isPathless(operation) && value instanceof ObjectNode resource) {
            String rolesName = JsonMembers.actualName(resource, "roles");
            if (rolesName != null) {
                resource.set(rolesName, RoleValues.normalise(resource.get(rolesName)));
            }
        }
        return List.of(operation);
    }
}
