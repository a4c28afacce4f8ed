package dev.patchbay.scim.resource;

import com.unboundid.scim2.common.filters.Filter;

/** How deeply a filter nests: in its text (parentheses and value brackets) and once parsed (and/or/not). */
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
}
