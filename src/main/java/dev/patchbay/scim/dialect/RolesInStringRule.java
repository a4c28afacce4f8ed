package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decodes app roles that Entra sends as a JSON object inside the {@code value} string:
 * {@code {"value":"{\"id\":\"06b07648-…\",\"value\":\"25\",\"displayName\":\"Role1234\"}"}} becomes
 * {@code {"value":"25","display":"Role1234"}} ({@code type} and {@code primary} of the element are kept; without an
 * inner {@code value} the inner {@code id} is used). A plain string {@code value} is left alone.
 *
 * <p>Entra ID without {@code aadOptscim062020} (customize-application-attributes.md, "Provisioning a role to a SCIM
 * app", SingleAppRoleAssignment, example output (PATCH)):
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
 *           "value": "{\"id\":\"06b07648-ecfe-589f-9d2f-6325724a46ee\",\"value\":\"25\",\"displayName\":\"Role1234\"}"
 *         }
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 * Microsoft documents the encoded form for PATCH only; a POST or PUT {@code roles} array in that form is decoded the
 * same way.
 */
final class RolesInStringRule implements ResourceRule {

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        String rolesName = JsonMembers.actualName(body, "roles");
        if (rolesName != null) {
            body.set(rolesName, RoleValues.normalise(body.get(rolesName)));
        }
    }
}
