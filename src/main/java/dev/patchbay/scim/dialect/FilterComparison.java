package dev.patchbay.scim.dialect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An {@code attrPath SP compareOp SP compValue} in a token list (RFC 7644 §3.4.2.2), by token index.
 * {@code valuePathAttribute} is the attribute of the enclosing {@code attr[…]}, or empty at the top level.
 */
record FilterComparison(int attribute, int operator, int value, String valuePathAttribute) {

    /** {@code roles[primary eq "True"]} compares {@code roles.primary}. */
    String attributePath(List<FilterToken> tokens) {
        String name = tokens.get(attribute).text();
        return valuePathAttribute.isEmpty() ? name : valuePathAttribute + "." + name;
    }

    static List<FilterComparison> findAll(List<FilterToken> tokens) {
        List<FilterComparison> comparisons = new ArrayList<>();
        Deque<String> valuePaths = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            FilterToken token = tokens.get(i);
            if (token.is(FilterToken.Type.OPEN_BRACKET)) {
                boolean named = i > 0 && tokens.get(i - 1).isAttributePath();
                valuePaths.push(named ? tokens.get(i - 1).text() : "");
            } else if (token.is(FilterToken.Type.CLOSE_BRACKET)) {
                valuePaths.poll();
            } else if (isComparisonAt(tokens, i)) {
                comparisons.add(new FilterComparison(i, i + 2, i + 4, valuePaths.isEmpty() ? "" : valuePaths.peek()));
                i += 4;
            }
        }
        return comparisons;
    }

    private static boolean isComparisonAt(List<FilterToken> tokens, int i) {
        if (i + 4 >= tokens.size()) {
            return false;
        }
        FilterToken value = tokens.get(i + 4);
        return tokens.get(i).isAttributePath()
                && tokens.get(i + 1).is(FilterToken.Type.SPACE)
                && tokens.get(i + 2).isComparisonOperator()
                && tokens.get(i + 3).is(FilterToken.Type.SPACE)
                && (value.is(FilterToken.Type.STRING) || value.is(FilterToken.Type.WORD));
    }
}
