package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Makes the PATCH envelope strict: a missing {@code schemas} becomes
 * {@code ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}, {@code operations} in another case becomes
 * {@code Operations}, and the members {@code op}, {@code path}, {@code value} of each operation get their RFC 7644
 * spelling. A plain Jackson mapper binding {@code PatchRequest} rejects {@code "operations"} ("Missing required creator
 * property 'Operations'").
 *
 * <p>Entra ID, with and without {@code aadOptscim062020}: "Don't require a case-sensitive match on structural elements
 * in SCIM" (tutorial "Develop and plan provisioning for a SCIM endpoint"). Its "Disable User" example:
 * <pre>{@code
 * {
 *     "Operations": [
 *         {
 *             "op": "Replace",
 *             "path": "active",
 *             "value": false
 *         }
 *     ],
 *     "schemas": [
 *         "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *     ]
 * }
 * }</pre>
 * No IdP is documented to leave out {@code schemas}; supplying it costs nothing and also accepts the abbreviated form
 * {@code {"Operations":[{"op":"Replace","path":"active","value":false}]}} in which idp-clients.md §1.2 quotes it.
 */
final class PatchEnvelopeRule {

    private static final List<String> OPERATION_MEMBERS = List.of("op", "path", "value");

    void apply(ObjectNode body) {
        JsonNode schemas = body.get("schemas");
        if (schemas == null || schemas.isNull()) {
            body.putArray("schemas").add(SchemaUrns.PATCH_OP);
        }
        String operationsName = JsonMembers.actualName(body, "Operations");
        if (operationsName == null) {
            return;
        }
        JsonMembers.rename(body, operationsName, "Operations");
        if (body.get("Operations") instanceof ArrayNode operations) {
            for (JsonNode operation : operations) {
                if (operation instanceof ObjectNode members) {
                    for (String name : OPERATION_MEMBERS) {
                        String actual = JsonMembers.actualName(members, name);
                        if (actual != null) {
                            JsonMembers.rename(members, actual, name);
                        }
                    }
                }
            }
        }
    }
}
