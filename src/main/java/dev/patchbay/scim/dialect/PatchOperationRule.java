package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One rewrite of an element of a PATCH {@code Operations} array; {@link IdpDialect} fixes the order. */
interface PatchOperationRule {

    /**
     * Returns the operations that take the place of {@code operation}: itself (possibly changed in place), several,
     * or none. The operation is the dialect's own deep copy of the caller's. An operation the rule does not recognise
     * is returned as it is; the rule never throws on odd input.
     */
    List<ObjectNode> apply(ResourceKind kind, ObjectNode operation);
}
