package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a null value as "remove", as RFC 7643 §2.5 equates null with unassigned:
 * <ul>
 *   <li>an add or replace with a {@code path} and {@code "value": null} becomes {@code {"op":"remove","path":…}};</li>
 *   <li>{@code ""} or {@code []} for the enterprise {@code manager} (Entra's "remove (Replace with empty)") becomes a
 *       remove of {@code manager};</li>
 *   <li>a member set to null at the top of a path-less add or replace becomes a remove of that attribute (dropping it
 *       would keep the old value); an operation left with an empty value is dropped;</li>
 *   <li>deeper inside values null members and null elements are removed ({@code "$ref": null}), and so are
 *       {@code "path": null} and the {@code "value": null} of a remove.</li>
 * </ul>
 *
 * <p>Entra ID, group membership (tutorial "Develop and plan provisioning for a SCIM endpoint", Update Group [Add
 * Members]; with and without {@code aadOptscim062020}):
 * <pre>{@code
 * {
 *     "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *     "Operations": [{
 *         "op": "Add",
 *         "path": "members",
 *         "value": [{
 *             "$ref": null,
 *             "value": "f648f8d5ea4e4cd38e9c"
 *         }]
 *     }]
 * }
 * }</pre>
 * Microsoft's 2026 Logic-App validator sends "SCIM_Null_Update_Test (PATCH with empty strings, then with nulls)" and
 * "SCIM_Update_Manager_Test (Add, Replace, remove (Replace with empty))"; it publishes no request bodies.
 */
final class NullMeansRemoveRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        if (operation.has("path") && operation.get("path").isNull()) {
            operation.remove("path");
        }
        JsonNode value = operation.get("value");
        if (value == null) {
            return List.of(operation);
        }
        String path = PatchOps.path(operation);
        if (PatchOps.isAddOrReplace(operation) && path != null && meansRemove(kind, path, value)) {
            return List.of(PatchOps.remove(path));
        }
        if (PatchOps.isAddOrReplace(operation) && PatchOps.isPathless(operation) && value instanceof ObjectNode object) {
            return removingNullMembers(operation, object);
        }
        if (value.isNull()) {
            if (PatchOps.isRemove(operation)) {
                operation.remove("value");
            }
        } else {
            JsonNulls.strip(value);
        }
        return List.of(operation);
    }

    private static boolean meansRemove(ResourceKind kind, String path, JsonNode value) {
        return value.isNull()
                || (kind == ResourceKind.USER && path.equalsIgnoreCase(SchemaUrns.ENTERPRISE_MANAGER)
                        && ManagerValues.meansNoManager(value));
    }

    private static List<ObjectNode> removingNullMembers(ObjectNode operation, ObjectNode value) {
        List<ObjectNode> removals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : new ArrayList<>(value.properties())) {
            if (member.getValue().isNull()) {
                value.remove(member.getKey());
                removals.add(PatchOps.remove(member.getKey()));
            }
        }
        JsonNulls.strip(value);
        if (removals.isEmpty()) {
            return List.of(operation);
        }
        List<ObjectNode> operations = new ArrayList<>();
        if (!value.isEmpty()) {
            operations.add(operation);
        }
        operations.addAll(removals);
        return operations;
    }
}
