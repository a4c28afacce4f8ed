package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns {@code "True"}, {@code "False"}, {@code "true"}, {@code "false"} (any case) into JSON booleans where
 * {@link BooleanAttributes} says the attribute is boolean, also inside multi-valued complex attributes
 * ({@code emails[].primary}) and extension schemas ({@code "urn:…:User": {"directoryVisible": "True"}}). Other strings,
 * such as {@code "yes"}, stay strings for validation to reject.
 *
 * <p>Entra ID, POST (with and without {@code aadOptscim062020}, which changes PATCH only): Microsoft's Postman test
 * "Post emp1 with string 'True'" POSTs a user with
 * <pre>{@code
 * "active": "True"
 * }</pre>
 * and expects 201 with {@code "active": true}; the usual mapping for {@code active} is the expression
 * {@code Switch([IsSoftDeleted], , "False", "True", "True", "False")}, whose result is a string.
 */
final class StringBooleansRule implements ResourceRule {

    private final StringBooleans stringBooleans;

    StringBooleansRule(BooleanAttributes booleans) {
        this.stringBooleans = new StringBooleans(booleans);
    }

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        stringBooleans.convertMembers(kind, body);
    }
}
