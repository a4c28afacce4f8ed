package dev.patchbay.scim.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a filter into {@link FilterToken}s, honouring quoted strings with {@code \"} and {@code \\} escapes. */
final class FilterLexer {

    private FilterLexer() {
    }

    /** Empty when a quoted string is not terminated: no rule can read such a filter safely. */
    static Optional<List<FilterToken>> tokenize(String filter) {
        List<FilterToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            int end;
            FilterToken.Type type;
            if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < filter.length() && Character.isWhitespace(filter.charAt(end))) {
                    end++;
                }
                type = FilterToken.Type.SPACE;
            } else if (c == '"') {
                end = endOfString(filter, i);
                if (end < 0) {
                    return Optional.empty();
                }
                type = FilterToken.Type.STRING;
            } else if (isPunctuation(c)) {
                end = i + 1;
                type = switch (c) {
                    case '(' -> FilterToken.Type.OPEN_PAREN;
                    case ')' -> FilterToken.Type.CLOSE_PAREN;
                    case '[' -> FilterToken.Type.OPEN_BRACKET;
                    default -> FilterToken.Type.CLOSE_BRACKET;
                };
            } else {
                end = i + 1;
                while (end < filter.length() && !endsWord(filter.charAt(end))) {
                    end++;
                }
                type = FilterToken.Type.WORD;
            }
            tokens.add(new FilterToken(type, filter.substring(i, end)));
            i = end;
        }
        return Optional.of(tokens);
    }

    static String render(List<FilterToken> tokens) {
        StringBuilder filter = new StringBuilder();
        tokens.forEach(token -> filter.append(token.text()));
        return filter.toString();
    }

    /** Index after the closing quote of the string opening at {@code start}, or -1. */
    private static int endOfString(String filter, int start) {
        for (int i = start + 1; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isPunctuation(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']';
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '"' || isPunctuation(c);
    }
}
