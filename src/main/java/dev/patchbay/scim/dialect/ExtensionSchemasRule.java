package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds to {@code schemas} every extension schema whose attributes the body carries (RFC 7643 §3 requires them to be
 * listed); a body without {@code schemas} gets the core schema of its kind plus those extensions. A {@code schemas}
 * member that is not an array is left for validation to reject.
 *
 * <p>Entra ID (customize-application-attributes.md, custom extension attributes, with and without
 * {@code aadOptscim062020}): "The custom extension schema header is omitted … because it isn't sent in requests from
 * the Microsoft Entra SCIM client". Microsoft publishes no full request for this; the body it describes is:
 * <pre>{@code
 * {
 *   "schemas": [
 *     "urn:ietf:params:scim:schemas:core:2.0:User",
 *     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
 *   ],
 *   "userName": "bjensen",
 *   "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User": {
 *     "CustomAttribute": "701984"
 *   }
 * }
 * }</pre>
 */
final class ExtensionSchemasRule implements ResourceRule {

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        if (!body.has("schemas")) {
            body.putArray("schemas").add(SchemaUrns.coreSchema(kind));
        }
        if (!(body.get("schemas") instanceof ArrayNode listed)) {
            return;
        }
        for (String urn : extensionSchemasIn(body)) {
            if (!isListed(listed, urn)) {
                listed.add(urn);
            }
        }
    }

    /** Top-level members named by a schema URN whose value is an object: {@code "urn:…:2.0:User": {…}}. */
    private static List<String> extensionSchemasIn(ObjectNode body) {
        List<String> urns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            if (SchemaUrns.isUrn(name) && !SchemaUrns.isAttributeUrn(name) && member.getValue().isObject()) {
                urns.add(name);
            }
        }
        return urns;
    }

    private static boolean isListed(ArrayNode schemas, String urn) {
        for (JsonNode schema : schemas) {
            if (schema.isTextual() && SchemaUrns.sameUrn(schema.textValue(), urn)) {
                return true;
            }
        }
        return false;
    }
}
