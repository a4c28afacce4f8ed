package dev.patchbay.scim.dialect;

import java.util.Locale;
import java.util.Set;

/** One lexical piece of a filter; {@code text} is exactly as written, so tokens render back to the input. */
record FilterToken(Type type, String text) {

    enum Type {
        SPACE,
        /** A quoted string, quotes and escapes included. */
        STRING,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        /** Anything else: attribute paths, operators, keywords, unquoted values, {@code .subAttr} after {@code ]}. */
        WORD
    }

    private static final Set<String> COMPARISON_OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    private static final Set<String> LOGICAL_KEYWORDS = Set.of("and", "or", "not");

    static FilterToken space() {
        return new FilterToken(Type.SPACE, " ");
    }

    static FilterToken word(String text) {
        return new FilterToken(Type.WORD, text);
    }

    boolean is(Type other) {
        return type == other;
    }

    boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    /** {@code eq}, {@code ne}, {@code co}, {@code sw}, {@code ew}, {@code gt}, {@code ge}, {@code lt}, {@code le}. */
    boolean isComparisonOperator() {
        return type == Type.WORD && COMPARISON_OPERATORS.contains(text.toLowerCase(Locale.ROOT));
    }

    /** A word that can name an attribute: not a keyword, not a {@code .subAttr} continuation. */
    boolean isAttributePath() {
        return type == Type.WORD && !LOGICAL_KEYWORDS.contains(text.toLowerCase(Locale.ROOT)) && !text.startsWith(".");
    }
}
