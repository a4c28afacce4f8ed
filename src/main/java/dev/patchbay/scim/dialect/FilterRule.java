package dev.patchbay.scim.dialect;

import java.util.List;

/** One rewrite of a tokenised filter; {@link IdpDialect} fixes the order. */
interface FilterRule {

    /**
     * Returns the rewritten tokens ({@code tokens} itself when nothing changes; the list is never modified). A
     * filter the rule does not recognise is returned as it is; the rule never throws on odd input.
     */
    List<FilterToken> apply(ResourceKind kind, List<FilterToken> tokens);
}
