package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.schema.AttributeDefinition;
import dev.patchbay.scim.schema.AttributeDefinition.Returned;
import dev.patchbay.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The {@code attributes} and {@code excludedAttributes} parameters of RFC 7644 §3.9. */
final class AttributeProjection {

    /** One requested attribute: schema, attribute and optionally a sub-attribute, canonically spelled. */
    private record Selector(String schemaUrn, String attribute, String subAttribute) {
    }

    private final ResourceSchema schema;
    private final List<Selector> included;
    private final List<Selector> excluded;

    private AttributeProjection(ResourceSchema schema, List<Selector> included, List<Selector> excluded) {
        this.schema = schema;
        this.included = included;
        this.excluded = excluded;
    }

    static AttributeProjection of(ResourceSchema schema, String attributes, String excludedAttributes) {
        List<Selector> included = parse(schema, attributes, "attributes");
        List<Selector> excluded = parse(schema, excludedAttributes, "excludedAttributes");
        if (!included.isEmpty() && !excluded.isEmpty()) {
            throw new ScimException(400, "invalidValue",
                    "Use either 'attributes' or 'excludedAttributes', not both");
        }
        return new AttributeProjection(schema, included, excluded);
    }

    /** Whether the core attribute {@code name} is returned (so it need not be loaded otherwise). */
    boolean returns(String name) {
        if (!included.isEmpty()) {
            return included.stream().anyMatch(s -> s.schemaUrn().equals(schema.coreUrn())
                    && (s.attribute() == null || s.attribute().equalsIgnoreCase(name)));
        }
        return excluded.stream().noneMatch(s -> s.schemaUrn().equals(schema.coreUrn())
                && name.equalsIgnoreCase(s.attribute()) && s.subAttribute() == null);
    }

    ObjectNode apply(ObjectNode resource) {
        if (included.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        ObjectNode result = resource.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = result.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("schemas") || name.equals("id")) {
                continue;
            }
            if (schema.isExtension(name)) {
                if (field.getValue() instanceof ObjectNode extension) {
                    project(name, extension);
                    if (extension.isEmpty() || !keepsAnyOf(name)) {
                        fields.remove();
                    }
                }
                continue;
            }
            AttributeDefinition attribute = schema.coreAttribute(name).orElse(null);
            if (attribute == null || !keep(schema.coreUrn(), attribute)) {
                fields.remove();
            } else {
                projectSubAttributes(schema.coreUrn(), attribute, field.getValue());
            }
        }
        return result;
    }

    private void project(String urn, ObjectNode extension) {
        Iterator<Map.Entry<String, JsonNode>> fields = extension.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            AttributeDefinition attribute = schema.attribute(urn, field.getKey()).orElse(null);
            if (attribute == null || !keep(urn, attribute)) {
                fields.remove();
            } else {
                projectSubAttributes(urn, attribute, field.getValue());
            }
        }
    }

    private boolean keepsAnyOf(String urn) {
        return included.isEmpty() || included.stream().anyMatch(s -> s.schemaUrn().equals(urn));
    }

    private boolean keep(String urn, AttributeDefinition attribute) {
        if (attribute.returned() == Returned.ALWAYS) {
            return true;
        }
        if (!included.isEmpty()) {
            return included.stream().anyMatch(s -> s.schemaUrn().equals(urn)
                    && (s.attribute() == null || s.attribute().equals(attribute.name())));
        }
        return excluded.stream().noneMatch(s -> s.schemaUrn().equals(urn)
                && (s.attribute() == null || s.attribute().equals(attribute.name()) && s.subAttribute() == null));
    }

    private void projectSubAttributes(String urn, AttributeDefinition attribute, JsonNode value) {
        if (!attribute.isComplex()) {
            return;
        }
        List<String> keptSubs = included.stream()
                .filter(s -> s.schemaUrn().equals(urn) && attribute.name().equals(s.attribute()))
                .map(Selector::subAttribute).toList();
        List<String> droppedSubs = excluded.stream()
                .filter(s -> s.schemaUrn().equals(urn) && attribute.name().equals(s.attribute())
                        && s.subAttribute() != null)
                .map(Selector::subAttribute).toList();
        boolean whole = keptSubs.isEmpty() || keptSubs.contains(null);
        List<ObjectNode> objects = new ArrayList<>();
        if (value instanceof ObjectNode object) {
            objects.add(object);
        } else if (value instanceof ArrayNode array) {
            array.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    objects.add(object);
                }
            });
        }
        for (ObjectNode object : objects) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!whole && !keptSubs.contains(name) || droppedSubs.contains(name)) {
                    names.remove();
                }
            }
        }
    }

    private static List<Selector> parse(ResourceSchema schema, String parameter, String parameterName) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        List<Selector> selectors = new ArrayList<>();
        for (String raw : Arrays.stream(parameter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            selectors.add(selector(schema, raw, parameterName));
        }
        return selectors;
    }

    private static Selector selector(ResourceSchema schema, String raw, String parameterName) {
        String urn = schema.coreUrn();
        String path = raw;
        if (raw.regionMatches(true, 0, "urn:", 0, 4)) {
            var wholeSchema = schema.schemaUrn(raw);
            if (wholeSchema.isPresent()) {
                return new Selector(wholeSchema.get(), null, null);
            }
            int split = raw.lastIndexOf(':');
            urn = schema.schemaUrn(raw.substring(0, split)).orElseThrow(() -> unknown(raw, parameterName));
            path = raw.substring(split + 1);
        }
        String[] parts = path.split("\\.", 2);
        AttributeDefinition attribute = schema.attribute(urn, parts[0]).orElseThrow(() -> unknown(raw, parameterName));
        if (parts.length == 1) {
            return new Selector(urn, attribute.name(), null);
        }
        AttributeDefinition sub = attribute.subAttribute(parts[1]).orElseThrow(() -> unknown(raw, parameterName));
        return new Selector(urn, attribute.name(), sub.name());
    }

    private static ScimException unknown(String raw, String parameterName) {
        return new ScimException(400, "invalidValue", "Unknown attribute '" + raw + "' in " + parameterName);
    }
}
