package dev.patchbay.scim.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves a sub-attribute comparison that follows a value path into the brackets:
 * {@code emails[type eq "work"].value eq "a@b.c"} becomes {@code emails[type eq "work" and value eq "a@b.c"]}, and
 * {@code emails[type eq "work"].value pr} becomes {@code emails[type eq "work" and value pr]}; an inner filter with a
 * top-level {@code or} is parenthesised first. RFC 7644's grammar has no {@code valuePath "." subAttr} in filters
 * (only in PATCH paths), and the SDK stops at {@code .value} ("Unexpected character '.value'").
 *
 * <p>Entra ID, with and without {@code aadOptscim062020}: matching users by e-mail (tutorial "Develop and plan
 * provisioning for a SCIM endpoint": "Any attributes that are considered for user uniqueness must be usable as part
 * of a filtered query … both userName eq "user@contoso.com" and emails[type eq "work"].value eq "user@contoso.com"
 * queries"), also sent by the Microsoft SCIM Validator:
 * <pre>{@code
 * GET /Users?filter=emails[type eq "work"].value eq "user@contoso.com"
 * }</pre>
 */
final class ValuePathComparisonRule implements FilterRule {

    @Override
    public List<FilterToken> apply(ResourceKind kind, List<FilterToken> tokens) {
        List<FilterToken> result = new ArrayList<>(tokens);
        boolean changed = false;
        for (int close = 0; close < result.size(); close++) {
            int end = rewriteAt(result, close);
            if (end >= 0) {
                changed = true;
                close = end;
            }
        }
        return changed ? result : tokens;
    }

    /** Rewrites {@code attr[inner].sub op value} whose {@code ]} is at {@code close}; returns the new {@code ]} index or -1. */
    private static int rewriteAt(List<FilterToken> tokens, int close) {
        if (!tokens.get(close).is(FilterToken.Type.CLOSE_BRACKET) || close + 3 >= tokens.size()) {
            return -1;
        }
        FilterToken subAttribute = tokens.get(close + 1);
        if (!subAttribute.is(FilterToken.Type.WORD) || !subAttribute.text().startsWith(".")
                || subAttribute.text().length() < 2
                || !tokens.get(close + 2).is(FilterToken.Type.SPACE)) {
            return -1;
        }
        FilterToken operator = tokens.get(close + 3);
        int last;
        if (operator.isWord("pr")) {
            last = close + 3;
        } else if (operator.isComparisonOperator() && close + 5 < tokens.size()
                && tokens.get(close + 4).is(FilterToken.Type.SPACE)
                && (tokens.get(close + 5).is(FilterToken.Type.STRING) || tokens.get(close + 5).is(FilterToken.Type.WORD))) {
            last = close + 5;
        } else {
            return -1;
        }
        int open = openingBracket(tokens, close);
        if (open < 1 || !tokens.get(open - 1).isAttributePath() || isBlank(tokens.subList(open + 1, close))) {
            return -1;
        }
        List<FilterToken> inner = new ArrayList<>(tokens.subList(open + 1, close));
        if (hasTopLevelOr(inner)) {
            inner.add(0, new FilterToken(FilterToken.Type.OPEN_PAREN, "("));
            inner.add(new FilterToken(FilterToken.Type.CLOSE_PAREN, ")"));
        }
        List<FilterToken> merged = new ArrayList<>(inner);
        merged.add(FilterToken.space());
        merged.add(FilterToken.word("and"));
        merged.add(FilterToken.space());
        merged.add(FilterToken.word(subAttribute.text().substring(1)));
        merged.addAll(tokens.subList(close + 2, last + 1));
        merged.add(new FilterToken(FilterToken.Type.CLOSE_BRACKET, "]"));
        List<FilterToken> replaced = tokens.subList(open + 1, last + 1);
        replaced.clear();
        replaced.addAll(merged);
        return open + merged.size();
    }

    private static int openingBracket(List<FilterToken> tokens, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (tokens.get(i).is(FilterToken.Type.CLOSE_BRACKET)) {
                depth++;
            } else if (tokens.get(i).is(FilterToken.Type.OPEN_BRACKET) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(List<FilterToken> tokens) {
        return tokens.stream().allMatch(token -> token.is(FilterToken.Type.SPACE));
    }

    private static boolean hasTopLevelOr(List<FilterToken> tokens) {
        int depth = 0;
        for (FilterToken token : tokens) {
            if (token.is(FilterToken.Type.OPEN_PAREN)) {
                depth++;
            } else if (token.is(FilterToken.Type.CLOSE_PAREN)) {
                depth--;
            } else if (depth == 0 && token.isWord("or")) {
                return true;
            }
        }
        return false;
    }
}
