package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Runs the value filter of a PATCH path through the filter rules: {@code roles[primary eq "True"].value} becomes
 * {@code roles[primary eq true].value}, {@code members[value eq 7f4b…]} gets its quotes. The part after {@code ]} is
 * kept as it is.
 *
 * <p>Entra ID, with and without {@code aadOptscim062020} (customize-application-attributes.md,
 * SingleAppRoleAssignment), target attribute of a single-role mapping:
 * <pre>{@code
 * roles[primary eq "True"].value
 * }</pre>
 */
final class PathFilterRule implements PatchOperationRule {

    private final FilterNormaliser filters;

    PathFilterRule(FilterNormaliser filters) {
        this.filters = filters;
    }

    @Override
    public List<ObjectNode> apply(ResourceKind kind, ObjectNode operation) {
        String path = PatchOps.path(operation);
        if (path == null) {
            return List.of(operation);
        }
        int open = PatchPaths.openingBracket(path);
        int close = open < 0 ? -1 : PatchPaths.closingBracket(path, open);
        if (close < 0) {
            return List.of(operation);
        }
        String valuePath = path.substring(0, close + 1);
        operation.put("path", filters.normalise(kind, valuePath) + path.substring(close + 1));
        return List.of(operation);
    }
}
