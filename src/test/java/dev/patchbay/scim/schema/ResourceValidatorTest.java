package dev.patchbay.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;
import dev.patchbay.scim.schema.AttributeDefinition.Mutability;
import dev.patchbay.scim.schema.AttributeDefinition.Returned;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Characteristics the shipped schemas do not exercise at the top level: immutable and writeOnly. */
class ResourceValidatorTest {

    private static final String CORE = "urn:example:core";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceSchema schema = new ResourceSchema("Device", CORE, Map.of(CORE, List.of(
            attribute("serial", Mutability.IMMUTABLE, true),
            attribute("label", Mutability.READ_WRITE, false),
            attribute("secret", Mutability.WRITE_ONLY, false),
            attribute("status", Mutability.READ_ONLY, false))));

    private static AttributeDefinition attribute(String name, Mutability mutability, boolean required) {
        return new AttributeDefinition(name, AttributeType.STRING, false, required, true, mutability,
                Returned.DEFAULT, Map.of());
    }

    private ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void immutableValuesCannotChangeOnceSet() throws Exception {
        ObjectNode before = ResourceValidator.validate(schema, body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"A1\"}"));
        ObjectNode same = ResourceValidator.validate(schema,
                body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"A1\",\"label\":\"x\"}"));
        ResourceValidator.checkImmutable(schema, before, same);
        ObjectNode changed = ResourceValidator.validate(schema, body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"B2\"}"));
        ScimException error = assertThrows(ScimException.class,
                () -> ResourceValidator.checkImmutable(schema, before, changed));
        assertEquals("mutability", error.scimType());
        assertEquals(400, error.status());
    }

    @Test
    void immutableValuesMayBeSetWhenAbsent() throws Exception {
        ObjectNode before = ResourceValidator.validate(schema, body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"A1\"}"));
        before.remove("serial");
        ObjectNode after = ResourceValidator.validate(schema, body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"C3\"}"));
        ResourceValidator.checkImmutable(schema, before, after);
    }

    @Test
    void writeOnlyAndReadOnlyValuesAreCheckedThenDropped() throws Exception {
        ObjectNode result = ResourceValidator.validate(schema,
                body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"A1\",\"SECRET\":\"hunter2\",\"status\":\"ok\"}"));
        assertFalse(result.has("secret"));
        assertFalse(result.has("SECRET"));
        assertFalse(result.has("status"));
        ScimException wrongType = assertThrows(ScimException.class, () -> ResourceValidator.validate(schema,
                body("{\"schemas\":[\"" + CORE + "\"],\"serial\":\"A1\",\"secret\":7}")));
        assertEquals("invalidValue", wrongType.scimType());
    }

    @Test
    void attributeNamesAreCanonicalised() throws Exception {
        ObjectNode result = ResourceValidator.validate(schema,
                body("{\"schemas\":[\"URN:EXAMPLE:CORE\"],\"SERIAL\":\"A1\",\"Label\":\"x\"}"));
        assertEquals("{\"serial\":\"A1\",\"label\":\"x\"}", result.toString());
    }
}
