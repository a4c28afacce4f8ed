package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Lower-cases {@code op}. The SDK's {@code PatchOperation} knows only the spellings {@code add}, {@code Add},
 * {@code ADD} (likewise for remove and replace), so {@code rePlace} would fail; the later rules see one spelling.
 *
 * <p>Entra ID without {@code aadOptscim062020} (known-issues page "Known issues and resolutions with SCIM 2.0 protocol
 * compliance", requests made to add a single-value string attribute):
 * <pre>{@code
 * {
 *     "schemas": [
 *         "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *     ],
 *     "Operations": [
 *       {
 *         "op": "Add",
 *         "path": "nickName",
 *         "value": "Babs"
 *       }
 *     ]
 * }
 * }</pre>
 */
final class OpCaseRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        JsonNode op = operation.get("op");
        if (op != null && op.isTextual()) {
            operation.put("op", op.textValue().toLowerCase(Locale.ROOT));
        }
        return List.of(operation);
    }
}
