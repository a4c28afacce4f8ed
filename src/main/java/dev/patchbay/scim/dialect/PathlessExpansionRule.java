package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a path-less add or replace whose value holds attribute paths as keys: each key with a dot
 * ({@code "name.givenName"}) or that is an attribute URN ({@code "urn:…:enterprise:2.0:User:employeeNumber"}) becomes
 * its own operation with that key as {@code path}, in the order the keys appear; the plain keys stay in one path-less
 * operation, first, which is left out when none remain. A key that is a schema URN
 * ({@code "urn:…:enterprise:2.0:User": {…}}) is a plain key. Without this the SDK applies the value literally and
 * stores a top-level attribute named {@code "name.givenName"}.
 *
 * <p>Entra ID with {@code aadOptscim062020} (known-issues page "Known issues and resolutions with SCIM 2.0 protocol
 * compliance", requests to replace multiple attributes):
 * <pre>{@code
 * {
 *     "schemas": [
 *         "urn:ietf:params:scim:api:messages:2.0:PatchOp"
 *     ],
 *     "Operations": [
 *         {
 *             "op": "replace",
 *             "path": "emails[type eq \"work\"].value",
 *             "value": "TestMhvaes@test.microsoft.com"
 *         },
 *         {
 *             "op": "replace",
 *             "value": {
 *                 "displayName": "Bjfe",
 *                 "name.givenName": "Kkom",
 *                 "name.familyName": "Unua",
 *                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
 *             }
 *         }
 *     ]
 * }
 * }</pre>
 */
final class PathlessExpansionRule implements PatchOperationRule {

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        if (!PatchOps.isAddOrReplace(operation) || !PatchOps.isPathless(operation)
                || !(operation.get("value") instanceof ObjectNode value)) {
            return List.of(operation);
        }
        ObjectNode plain = value.objectNode();
        List<ObjectNode> expanded = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (isAttributePath(member.getKey(), member.getValue())) {
                expanded.add(PatchOps.operation(operation.get("op"), member.getKey(), member.getValue()));
            } else {
                plain.set(member.getKey(), member.getValue());
            }
        }
        if (expanded.isEmpty()) {
            return List.of(operation);
        }
        List<ObjectNode> operations = new ArrayList<>();
        if (!plain.isEmpty()) {
            operation.set("value", plain);
            operations.add(operation);
        }
        operations.addAll(expanded);
        return operations;
    }

    private static boolean isAttributePath(String key, JsonNode value) {
        if (SchemaUrns.isUrn(key)) {
            // A URN without a version segment cannot be read; an object under it is taken for an extension schema.
            return SchemaUrns.isAttributeUrn(key) || (!SchemaUrns.isSchemaUrn(key) && !value.isObject());
        }
        return key.contains(".");
    }
}
