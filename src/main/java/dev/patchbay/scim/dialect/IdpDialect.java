package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites what Okta and Microsoft Entra ID send into strict RFC 7643/7644 form before the UnboundID SCIM SDK parses
 * it. Every method is a pure function: the caller's node is deep-copied first and never changed. Input that no rule
 * recognises passes through unchanged, for the SDK and the caller to reject with a SCIM error.
 */
public final class IdpDialect {

    private final List<ResourceRule> resourceRules;
    private final PatchEnvelopeRule patchEnvelope;
    private final List<PatchOperationRule> operationRules;
    private final FilterNormaliser filters;

    public IdpDialect(BooleanAttributes booleans) {
        Objects.requireNonNull(booleans, "booleans");
        // Nulls go first so that no later rule meets one; string booleans last, after roles and manager are reshaped.
        this.resourceRules = List.of(
                new NullMembersRule(),
                new DecorationSchemasRule(),
                new ExtensionSchemasRule(),
                new ManagerShapeRule(),
                new RolesInStringRule(),
                new StringBooleansRule(booleans));
        this.filters = new FilterNormaliser(List.of(
                new ValuePathComparisonRule(),
                new UnquotedValueRule(),
                new StringBooleanComparisonRule(booleans)));
        this.patchEnvelope = new PatchEnvelopeRule();
        // Expansion comes early so that the operations it creates pass through every later rule; the manager path
        // is qualified before the rules that recognise it; member removal reads values already stripped of nulls.
        this.operationRules = List.of(
                new OpCaseRule(),
                new PathlessExpansionRule(),
                new ManagerPathRule(),
                new PathFilterRule(filters),
                new GroupIdEchoRule(),
                new NullMeansRemoveRule(),
                new ManagerValueRule(),
                new RolesValueRule(),
                new PatchStringBooleansRule(booleans),
                new MemberRemovalRule());
    }

    /** POST and PUT bodies of /Users and /Groups. Returns a new node. */
    public ObjectNode normaliseResource(ResourceKind kind, ObjectNode body) {
        Objects.requireNonNull(kind, "kind");
        if (body == null) {
            return null;
        }
        ObjectNode copy = body.deepCopy();
        for (ResourceRule rule : resourceRules) {
            rule.apply(kind, copy);
        }
        return copy;
    }

    /** PATCH bodies (urn:ietf:params:scim:api:messages:2.0:PatchOp). Returns a new node. */
    public ObjectNode normalisePatch(ResourceKind kind, ObjectNode body) {
        Objects.requireNonNull(kind, "kind");
        if (body == null) {
            return null;
        }
        ObjectNode copy = body.deepCopy();
        patchEnvelope.apply(copy);
        if (copy.get("Operations") instanceof ArrayNode operations) {
            ArrayNode normalised = copy.arrayNode();
            for (JsonNode operation : operations) {
                if (operation instanceof ObjectNode object) {
                    normaliseOperation(kind, object).forEach(normalised::add);
                } else {
                    normalised.add(operation);
                }
            }
            copy.set("Operations", normalised);
        }
        return copy;
    }

    /** The {@code filter} query parameter (and PATCH path filters). */
    public String normaliseFilter(ResourceKind kind, String filter) {
        Objects.requireNonNull(kind, "kind");
        if (filter == null) {
            return null;
        }
        return filters.normalise(kind, filter);
    }

    private List<ObjectNode> normaliseOperation(ResourceKind kind, ObjectNode operation) {
        List<ObjectNode> operations = List.of(operation);
        for (PatchOperationRule rule : operationRules) {
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode each : operations) {
                next.addAll(rule.apply(kind, each));
            }
            operations = next;
        }
        return operations;
    }
}
