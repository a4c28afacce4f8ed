package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.filters.Filter;
import java.util.Optional;

/**
 * How deeply a filter nests: in its text (parentheses and value brackets) and once parsed (and/or/not);
 * and whether it compares with anything but a string, number, boolean or null.
 */
final class FilterDepth {

    private FilterDepth() {
    }

    /** A filter's brackets outside string literals: how deep they nest, and whether each '[' is closed. */
    record TextShape(int depth, boolean bracketsBalance) {
    }

    static TextShape ofText(String filter) {
        int depth = 0;
        int max = 0;
        int brackets = 0;
        boolean unbalanced = false;
        boolean quoted = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[') {
                max = Math.max(max, ++depth);
                brackets += c == '[' ? 1 : 0;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
                if (c == ']' && --brackets < 0) {
                    unbalanced = true;
                }
            }
        }
        return new TextShape(max, !unbalanced && brackets == 0);
    }

    /** The depth of the parsed filter tree. */
    static int of(Filter filter) {
        if (filter.isCombiningFilter()) {
            int deepest = 0;
            for (Filter component : filter.getCombinedFilters()) {
                deepest = Math.max(deepest, of(component));
            }
            return 1 + deepest;
        }
        if (filter.isNotFilter()) {
            return 1 + of(filter.getInvertedFilter());
        }
        if (filter.isComplexValueFilter()) {
            return 1 + of(filter.getValueFilter());
        }
        return 1;
    }

    /** The first comparison value that is a JSON array or object, which no attribute can equal. */
    static Optional<Filter> structuredLiteral(Filter filter) {
        if (filter.isCombiningFilter()) {
            return filter.getCombinedFilters().stream().map(FilterDepth::structuredLiteral)
                    .flatMap(Optional::stream).findFirst();
        }
        if (filter.isNotFilter()) {
            return structuredLiteral(filter.getInvertedFilter());
        }
        if (filter.isComplexValueFilter()) {
            return structuredLiteral(filter.getValueFilter());
        }
        JsonNode value = filter.getComparisonValue();
        return value != null && value.isContainerNode() ? Optional.of(filter) : Optional.empty();
    }
}
