package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives the enterprise {@code manager} its RFC 7643 §4.3 complex shape: a bare id {@code "271"} becomes
 * {@code {"value":"271"}}, a one-element array {@code [{"$ref":…,"value":…}]} becomes that element, and {@code ""}
 * or {@code []} removes {@code manager}.
 *
 * <p>Entra ID sends these shapes in PATCH (example 5 of the tutorial "Develop and plan provisioning for a SCIM
 * endpoint", with and without {@code aadOptscim062020}):
 * <pre>{@code
 * {"op":"Add","path":"manager","value":[{"$ref":"http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee","value":"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}]}
 * }</pre>
 * and, as a bare string (UnboundID SCIM-SDK {@code MsAzurePatchComplexValueRebuilder}, SCIMple PR #1244):
 * <pre>{@code
 * {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}
 * }</pre>
 * Microsoft documents these shapes for PATCH; a POST or PUT carrying
 * {@code "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "271"}} is read the same way, so
 * that the two methods accept the same values.
 */
final class ManagerShapeRule implements ResourceRule {

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        if (kind != ResourceKind.USER) {
            return;
        }
        String extensionName = JsonMembers.actualName(body, SchemaUrns.ENTERPRISE_USER);
        if (extensionName == null || !(body.get(extensionName) instanceof ObjectNode enterprise)) {
            return;
        }
        String managerName = JsonMembers.actualName(enterprise, "manager");
        if (managerName == null) {
            return;
        }
        JsonNode manager = enterprise.get(managerName);
        if (ManagerValues.meansNoManager(manager)) {
            enterprise.remove(managerName);
        } else {
            enterprise.set(managerName, ManagerValues.complexValue(manager));
        }
    }
}
