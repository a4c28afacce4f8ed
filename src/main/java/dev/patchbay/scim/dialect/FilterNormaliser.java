package dev.patchbay.scim.dialect;

import java.util.List;
import java.util.Optional;

/** Applies the filter rules in order to a filter string; shared by filters and PATCH paths. */
final class FilterNormaliser {

    private final List<FilterRule> rules;

    FilterNormaliser(List<FilterRule> rules) {
        this.rules = List.copyOf(rules);
    }

    String normalise(ResourceKind kind, String filter) {
        Optional<List<FilterToken>> lexed = FilterLexer.tokenize(filter);
        if (lexed.isEmpty()) {
            return filter;
        }
        List<FilterToken> tokens = lexed.get();
        for (FilterRule rule : rules) {
            tokens = rule.apply(kind, tokens);
        }
        return FilterLexer.render(tokens);
    }
}
