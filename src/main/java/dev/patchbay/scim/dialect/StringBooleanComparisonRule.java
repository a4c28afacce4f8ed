package dev.patchbay.scim.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares boolean attributes with JSON booleans: {@code active eq "True"} becomes {@code active eq true} and
 * {@code roles[primary eq "True"]} becomes {@code roles[primary eq true]} (the attribute inside a value path is looked
 * up as {@code roles.primary}). Only {@code eq} and {@code ne} are rewritten; ordering a boolean means nothing.
 * The SDK parses {@code active eq "True"} but then compares a boolean with a string, which never matches.
 *
 * <p>Entra ID, with and without {@code aadOptscim062020} (customize-application-attributes.md,
 * SingleAppRoleAssignment): the target attributes of a single-role mapping are
 * <pre>{@code
 * roles[primary eq "True"].display
 * roles[primary eq "True"].type
 * roles[primary eq "True"].value
 * }</pre>
 * and Entra sends them as PATCH paths, which go through the filter rules for their {@code […]} part.
 */
final class StringBooleanComparisonRule implements FilterRule {

    private final BooleanAttributes booleans;

    StringBooleanComparisonRule(BooleanAttributes booleans) {
        this.booleans = booleans;
    }

    @Override
    public List<FilterToken> apply(ResourceKind kind, List<FilterToken> tokens) {
        List<FilterToken> result = null;
        for (FilterComparison comparison : FilterComparison.findAll(tokens)) {
            FilterToken operator = tokens.get(comparison.operator());
            FilterToken value = tokens.get(comparison.value());
            if ((operator.isWord("eq") || operator.isWord("ne")) && value.is(FilterToken.Type.STRING)) {
                String text = value.text().substring(1, value.text().length() - 1);
                if (StringBooleans.isBooleanText(text) && booleans.isBoolean(kind, comparison.attributePath(tokens))) {
                    if (result == null) {
                        result = new ArrayList<>(tokens);
                    }
                    result.set(comparison.value(), FilterToken.word(text.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return result == null ? tokens : result;
    }
}
