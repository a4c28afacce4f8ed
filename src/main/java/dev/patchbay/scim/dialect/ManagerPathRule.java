package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Qualifies a PATCH path on {@code manager} (no schema URN; the core User schema has no such attribute) as the
 * enterprise extension's {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}, keeping any
 * sub-attribute ({@code manager.value}).
 *
 * <p>Entra ID (tutorial "Develop and plan provisioning for a SCIM endpoint", example 5; with and without
 * {@code aadOptscim062020}):
 * <pre>{@code
 * {
 *     "schemas":
 *     [
 *       "urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *     "Operations":
 *     [
 *       {
 *         "op":"Add",
 *         "path":"manager",
 *         "value":
 *           [
 *             {
 *               "$ref":"http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
 *               "value":"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}]}]}
 * }</pre>
 */
final class ManagerPathRule implements PatchOperationRule {

    private static final String MANAGER = "manager";

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        String path = PatchOps.path(operation);
        if (kind == ResourceKind.USER && path != null && path.regionMatches(true, 0, MANAGER, 0, MANAGER.length())) {
            String rest = path.substring(MANAGER.length());
            if (rest.isEmpty() || rest.startsWith(".") || rest.startsWith("[")) {
                operation.put("path", SchemaUrns.ENTERPRISE_MANAGER + rest);
            }
        }
        return List.of(operation);
    }
}
