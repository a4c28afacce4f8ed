package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the value of an add or replace on the enterprise {@code manager} its complex shape:
 * {@code [{"$ref":…,"value":"00aa…"}]} becomes {@code {"$ref":…,"value":"00aa…"}} and a bare {@code "271"} becomes
 * {@code {"value":"271"}}. The same applies to {@code manager} inside the enterprise extension object of a path-less
 * value, where {@code ""} or {@code []} turns into a separate remove of {@code manager}.
 *
 * <p>Entra ID, with and without {@code aadOptscim062020} (tutorial "Develop and plan provisioning for a SCIM
 * endpoint", example 5, after {@link ManagerPathRule} qualified the path):
 * <pre>{@code
 * {"op":"Add","path":"manager","value":[{"$ref":"http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee","value":"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}]}
 * }</pre>
 * and as a bare string (UnboundID SCIM-SDK {@code MsAzurePatchComplexValueRebuilder}, SCIMple PR #1244):
 * <pre>{@code
 * {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}
 * }</pre>
 */
final class ManagerValueRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        JsonNode value = operation.get("value");
        if (kind != ResourceKind.USER || !PatchOps.isAddOrReplace(operation) || value == null) {
            return List.of(operation);
        }
        String path = PatchOps.path(operation);
        if (path != null && path.equalsIgnoreCase(SchemaUrns.ENTERPRISE_MANAGER)) {
            operation.set("value", ManagerValues.complexValue(value));
            return List.of(operation);
        }
        if (PatchOps.isPathless(operation) && value instanceof ObjectNode resource) {
            return inPathlessValue(operation, resource);
        }
        return List.of(operation);
    }

    private static List<ObjectNode> inPathlessValue(ObjectNode operation, ObjectNode resource) {
        String extensionName = JsonMembers.actualName(resource, SchemaUrns.ENTERPRISE_USER);
        if (extensionName == null || !(resource.get(extensionName) instanceof ObjectNode enterprise)) {
            return List.of(operation);
        }
        String managerName = JsonMembers.actualName(enterprise, "manager");
        if (managerName == null) {
            return List.of(operation);
        }
        JsonNode manager = enterprise.get(managerName);
        if (!ManagerValues.meansNoManager(manager)) {
            enterprise.set(managerName, ManagerValues.complexValue(manager));
            return List.of(operation);
        }
        enterprise.remove(managerName);
        if (enterprise.isEmpty()) {
            resource.remove(extensionName);
        }
        List<ObjectNode> operations = new ArrayList<>();
        if (!resource.isEmpty()) {
            operations.add(operation);
        }
        operations.add(PatchOps.remove(SchemaUrns.ENTERPRISE_MANAGER));
        return operations;
    }
}
