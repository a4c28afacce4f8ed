package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One rewrite of a POST or PUT body of {@code /Users} or {@code /Groups}; {@link IdpDialect} fixes the order. */
interface ResourceRule {

    /**
     * Rewrites {@code body} in place. The body is the dialect's own deep copy of the caller's. A body the rule does
     * not recognise is left as it is; the rule never throws on odd input.
     */
    void apply(ResourceKind kind, ObjectNode body);
}
