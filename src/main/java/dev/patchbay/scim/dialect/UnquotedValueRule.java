package dev.patchbay.scim.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Quotes a comparison value written without quotes: {@code externalId eq jyoung} becomes
 * {@code externalId eq "jyoung"}. {@code true}, {@code false}, {@code null} and JSON numbers are literals and stay as
 * they are; any other spelling ({@code True}, {@code NULL}, {@code 007}) is a string. The value is one word: a value
 * with spaces cannot be told from the rest of the filter and is left for the SDK to reject, and so is one that starts
 * like a JSON object or array ({@code {}}): quoting it would turn a broken filter into one that silently matches nothing.
 *
 * <p>Entra ID (tutorial "Develop and plan provisioning for a SCIM endpoint", example 1, "Query the service for a
 * matching user"; with and without {@code aadOptscim062020}):
 * <pre>{@code
 * GET https://.../scim/Users?filter=externalId eq jyoung HTTP/1.1
 * }</pre>
 */
final class UnquotedValueRule implements FilterRule {

    @Override
    public List<FilterToken> apply(ResourceKind kind, List<FilterToken> tokens) {
        List<FilterToken> result = null;
        for (FilterComparison comparison : FilterComparison.findAll(tokens)) {
            FilterToken value = tokens.get(comparison.value());
            if (value.is(FilterToken.Type.WORD) && !FilterLiterals.isJsonLiteral(value.text())
                    && !startsLikeJsonStructure(value.text())) {
                if (result == null) {
                    result = new ArrayList<>(tokens);
                }
                result.set(comparison.value(),
                        new FilterToken(FilterToken.Type.STRING, FilterLiterals.quote(value.text())));
            }
        }
        return result == null ? tokens : result;
    }

    private static boolean startsLikeJsonStructure(String word) {
        return word.startsWith("{") || word.startsWith("[");
    }
}
