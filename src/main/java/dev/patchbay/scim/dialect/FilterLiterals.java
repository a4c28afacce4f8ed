package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.regex.Pattern;

/** Comparison values as RFC 7644 §3.4.2.2 writes them: JSON strings, numbers, {@code true}, {@code false}, {@code null}. */
final class FilterLiterals {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private FilterLiterals() {
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    /** {@code true}, {@code false}, {@code null} (JSON spelling, lower case) or a JSON number. */
    static boolean isJsonLiteral(String word) {
        return word.equals("true") || word.equals("false") || word.equals("null") || JSON_NUMBER.matcher(word).matches();
    }
}
