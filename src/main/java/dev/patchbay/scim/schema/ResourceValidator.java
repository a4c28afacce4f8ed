package dev.patchbay.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.schema.AttributeDefinition.Mutability;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a resource body against its schemas and returns it with canonical attribute names. Read-only
 * and server-owned attributes are dropped (RFC 7644 §3.3 says to ignore them), write-only ones too,
 * after their value was checked; unknown attributes, wrong types and missing required values are errors.
 */
public final class ResourceValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceValidator() {
    }

    /** The writable attributes of {@code body} in canonical form, extensions under their URN. */
    public static ObjectNode validate(ResourceSchema schema, ObjectNode body) {
        checkSchemas(schema, body.get("schemas"));
        ObjectNode result = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("schemas") || field.getValue().isNull()) {
                continue;
            }
            Optional<String> extension = schema.schemaUrn(name).filter(schema::isExtension);
            if (extension.isPresent()) {
                ObjectNode values = extensionValues(schema, extension.get(), field.getValue());
                if (!values.isEmpty()) {
                    result.set(extension.get(), values);
                }
                continue;
            }
            AttributeDefinition attribute = schema.coreAttribute(name).orElseThrow(() -> unknown(schema, name));
            putIfWritable(result, attribute, field.getValue(), attribute.name());
        }
        checkRequired(schema, result);
        return result;
    }

    /** An immutable attribute that has a value keeps it (RFC 7643 §7 "immutable"). */
    public static void checkImmutable(ResourceSchema schema, ObjectNode before, ObjectNode after) {
        for (String urn : schemaUrns(schema)) {
            ObjectNode beforeScope = scope(schema, urn, before);
            ObjectNode afterScope = scope(schema, urn, after);
            for (AttributeDefinition attribute : schema.attributes(urn)) {
                if (attribute.mutability() != Mutability.IMMUTABLE || beforeScope == null) {
                    continue;
                }
                JsonNode old = beforeScope.get(attribute.name());
                JsonNode now = afterScope == null ? null : afterScope.get(attribute.name());
                if (old != null && !old.isNull() && !Objects.equals(old, now)) {
                    throw new ScimException(400, "mutability",
                            "Attribute '" + attribute.name() + "' is immutable and already has a value");
                }
            }
        }
    }

    private static Iterable<String> schemaUrns(ResourceSchema schema) {
        java.util.List<String> urns = new java.util.ArrayList<>();
        urns.add(schema.coreUrn());
        urns.addAll(schema.extensionUrns());
        return urns;
    }

    private static ObjectNode scope(ResourceSchema schema, String urn, ObjectNode resource) {
        if (urn.equals(schema.coreUrn())) {
            return resource;
        }
        JsonNode values = resource.get(urn);
        return values instanceof ObjectNode object ? object : null;
    }

    private static void checkSchemas(ResourceSchema schema, JsonNode schemas) {
        if (schemas == null || schemas.isNull()) {
            throw new ScimException(400, "invalidValue", "The 'schemas' attribute is required");
        }
        if (!schemas.isArray()) {
            throw new ScimException(400, "invalidValue", "'schemas' must be an array of schema URNs");
        }
        boolean hasCore = false;
        for (JsonNode urn : schemas) {
            if (!urn.isTextual()) {
                throw new ScimException(400, "invalidValue", "'schemas' must be an array of schema URNs");
            }
            Optional<String> known = schema.schemaUrn(urn.asText());
            if (known.isEmpty()) {
                throw new ScimException(400, "invalidValue", "Unknown schema '" + urn.asText() + "' for a "
                        + schema.resourceType() + "; supported: " + schema.coreUrn() + ", "
                        + String.join(", ", schema.extensionUrns()));
            }
            hasCore |= known.get().equals(schema.coreUrn());
        }
        if (!hasCore) {
            throw new ScimException(400, "invalidValue", "'schemas' must contain " + schema.coreUrn());
        }
    }

    private static ObjectNode extensionValues(ResourceSchema schema, String urn, JsonNode values) {
        if (!values.isObject()) {
            throw new ScimException(400, "invalidValue", "'" + urn + "' must be an object of attributes");
        }
        ObjectNode result = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue;
            }
            AttributeDefinition attribute = schema.attribute(urn, field.getKey())
                    .orElseThrow(() -> unknown(schema, urn + ":" + field.getKey()));
            putIfWritable(result, attribute, field.getValue(), urn + ":" + attribute.name());
        }
        return result;
    }

    private static void putIfWritable(ObjectNode target, AttributeDefinition attribute, JsonNode value, String path) {
        JsonNode checked = checkValue(attribute, value, path);
        if (attribute.isReadOnly() || attribute.mutability() == Mutability.WRITE_ONLY) {
            return;
        }
        if (checked != null) {
            target.set(attribute.name(), checked);
        }
    }

    /** The value in canonical form, or null when it is empty. */
    static JsonNode checkValue(AttributeDefinition attribute, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (attribute.multiValued()) {
            if (!value.isArray()) {
                throw wrongType(path, "an array");
            }
            ArrayNode values = NODES.arrayNode();
            int primaries = 0;
            for (JsonNode element : value) {
                JsonNode checked = checkSingle(attribute, element, path);
                if (checked != null) {
                    values.add(checked);
                    if (checked.path("primary").asBoolean(false)) {
                        primaries++;
                    }
                }
            }
            if (primaries > 1) {
                throw new ScimException(400, "invalidValue",
                        "At most one value of '" + path + "' may have primary set to true");
            }
            return values.isEmpty() ? null : values;
        }
        return checkSingle(attribute, value, path);
    }

    private static JsonNode checkSingle(AttributeDefinition attribute, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            StringLimits.check(path, attribute.type(), value.asText());
        }
        return switch (attribute.type()) {
            case COMPLEX -> checkComplex(attribute, value, path);
            case BOOLEAN -> require(value, value.isBoolean(), path, "true or false");
            case INTEGER -> require(value, value.isIntegralNumber(), path, "an integer");
            case DECIMAL -> require(value, value.isNumber(), path, "a number");
            case DATETIME -> checkDateTime(value, path);
            case BINARY -> checkBinary(value, path);
            case STRING, REFERENCE -> require(value, value.isTextual(), path, "a string");
        };
    }

    private static JsonNode checkComplex(AttributeDefinition attribute, JsonNode value, String path) {
        if (!value.isObject()) {
            throw wrongType(path, "an object with sub-attributes " + String.join(", ",
                    attribute.subAttributes().values().stream().map(AttributeDefinition::name).toList()));
        }
        ObjectNode result = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue; // null is no value, whatever the name (the rule for attributes, too)
            }
            AttributeDefinition sub = attribute.subAttribute(field.getKey())
                    .orElseThrow(() -> new ScimException(400, "invalidSyntax",
                            "Unknown sub-attribute '" + field.getKey() + "' of '" + path + "'"));
            JsonNode checked = checkSingle(sub, field.getValue(), path + "." + sub.name());
            if (checked != null && !sub.isReadOnly()) {
                result.set(sub.name(), checked);
            }
        }
        return result.isEmpty() ? null : result;
    }

    private static JsonNode checkDateTime(JsonNode value, String path) {
        if (value.isTextual()) {
            try {
                OffsetDateTime.parse(value.asText());
                return value;
            } catch (DateTimeParseException e) {
                // fall through to the error
            }
        }
        throw wrongType(path, "a date-time such as 2026-01-31T12:00:00Z");
    }

    private static JsonNode checkBinary(JsonNode value, String path) {
        if (value.isTextual()) {
            try {
                Base64.getDecoder().decode(value.asText());
                return value;
            } catch (IllegalArgumentException e) {
                // fall through to the error
            }
        }
        throw wrongType(path, "base64-encoded binary");
    }

    private static JsonNode require(JsonNode value, boolean valid, String path, String expected) {
        if (!valid) {
            throw wrongType(path, expected);
        }
        return value;
    }

    private static void checkRequired(ResourceSchema schema, ObjectNode result) {
        for (AttributeDefinition attribute : schema.attributes(schema.coreUrn())) {
            JsonNode value = result.get(attribute.name());
            if (attribute.required() && !attribute.isReadOnly()
                    && (value == null || value.isTextual() && value.asText().isBlank())) {
                throw new ScimException(400, "invalidValue",
                        "Required attribute '" + attribute.name() + "' is missing or empty");
            }
        }
    }

    private static ScimException unknown(ResourceSchema schema, String name) {
        return new ScimException(400, "invalidSyntax",
                "Unknown attribute '" + name + "' for a " + schema.resourceType());
    }

    private static ScimException wrongType(String path, String expected) {
        return new ScimException(400, "invalidValue", "Attribute '" + path + "' must be " + expected);
    }
}
