package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Removes schema URNs that an IdP lists in {@code schemas} without sending any attribute of them, so that schema
 * validation does not reject the body for an unknown schema.
 *
 * <p>Entra ID, group provisioning (tutorial "Develop and plan provisioning for a SCIM endpoint", Create Group; with
 * and without {@code aadOptscim062020}):
 * <pre>{@code
 * {
 *     "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
 *     "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
 *     "displayName": "displayName",
 *     "meta": {
 *         "resourceType": "Group"
 *     }
 * }
 * }</pre>
 */
final class DecorationSchemasRule implements ResourceRule {

    /** Compared case-insensitively. */
    static final Set<String> IDP_DECORATION_SCHEMAS = Set.of(
            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group");

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        if (!(body.get("schemas") instanceof ArrayNode schemas)) {
            return;
        }
        for (int i = schemas.size() - 1; i >= 0; i--) {
            JsonNode schema = schemas.get(i);
            if (schema.isTextual() && isDecoration(schema.textValue())) {
                schemas.remove(i);
            }
        }
    }

    private static boolean isDecoration(String schema) {
        String lowerCase = schema.toLowerCase(Locale.ROOT);
        return IDP_DECORATION_SCHEMAS.stream().anyMatch(urn -> urn.toLowerCase(Locale.ROOT).equals(lowerCase));
    }
}
