package dev.patchbay.scim.dialect;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/** The dialect under test, with the boolean attributes of the brief, and assertions shared by the rule tests. */
final class DialectAssertions {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> BOOLEAN_USER_ATTRIBUTES = Set.of(
            "active", "emails.primary", "phonenumbers.primary", "roles.primary", "addresses.primary",
            "urn:ietf:params:scim:schemas:extension:patchbay:2.0:user:directoryvisible");

    static final BooleanAttributes BOOLEANS = (kind, path) ->
            kind == ResourceKind.USER && BOOLEAN_USER_ATTRIBUTES.contains(path.toLowerCase(Locale.ROOT));

    static final IdpDialect DIALECT = new IdpDialect(BOOLEANS);

    private DialectAssertions() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Normalises a POST/PUT body, checking that the input is left as it was. */
    static ObjectNode resource(ResourceKind kind, String body) {
        ObjectNode input = json(body);
        ObjectNode output = DIALECT.normaliseResource(kind, input);
        assertEquals(json(body), input, "the caller's body must not change");
        return output;
    }

    /** Normalises a PATCH body, checking that the input is left as it was and that the SDK parses the result. */
    static ObjectNode patch(ResourceKind kind, String body) {
        ObjectNode output = patchUnchecked(kind, body);
        assertSdkParsesPatch(output);
        return output;
    }

    /** Normalises a PATCH body, checking only that the input is left as it was. */
    static ObjectNode patchUnchecked(ResourceKind kind, String body) {
        ObjectNode input = json(body);
        ObjectNode output = DIALECT.normalisePatch(kind, input);
        assertEquals(json(body), input, "the caller's body must not change");
        return output;
    }

    /** Normalises a filter and checks that the SDK parses the result. */
    static String filter(ResourceKind kind, String filter) {
        String output = DIALECT.normaliseFilter(kind, filter);
        assertDoesNotThrow(() -> Filter.fromString(output), () -> "SDK rejects " + output);
        return output;
    }

    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected), actual, () -> "actual: " + actual.toPrettyString());
    }

    static PatchRequest assertSdkParsesPatch(JsonNode body) {
        return assertDoesNotThrow(() -> JSON.treeToValue(body, PatchRequest.class),
                () -> "SDK rejects " + body.toPrettyString());
    }
}
