package dev.patchbay.scim.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.patchbay.provisioning.ResourceQuery;
import dev.patchbay.scim.dialect.BooleanAttributes;
import dev.patchbay.scim.dialect.IdpDialect;
import dev.patchbay.scim.dialect.ResourceKind;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.filter.FilterTranslator;
import dev.patchbay.scim.filter.ResourceColumns;
import dev.patchbay.scim.schema.AttributeDefinition;
import dev.patchbay.scim.schema.AttributeDefinition.AttributeType;
import dev.patchbay.scim.schema.ResourceSchema;
import dev.patchbay.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads SCIM requests: bodies (size, JSON syntax, the IdP's dialect) and list parameters (the filter
 * in the IdP's dialect, parsed and translated to SQL).
 */
@ApplicationScoped
public class ScimRequests {

    static final int MAX_FILTER_LENGTH = 4096;
    /** Parentheses, value filters and and/or/not combinations nested deeper than this are refused. */
    static final int MAX_FILTER_DEPTH = 32;

    private final ObjectMapper objectMapper;
    private final SchemaRegistry schemas;
    private final IdpDialect dialect;
    private final int maxBodyBytes;
    private final int maxResults;
    private final int maxArrayElements;

    public ScimRequests(ObjectMapper objectMapper, SchemaRegistry schemas,
            @ConfigProperty(name = "patchbay.scim.max-body-bytes") int maxBodyBytes,
            @ConfigProperty(name = "patchbay.scim.filter-max-results") int maxResults,
            @ConfigProperty(name = "patchbay.scim.max-array-elements", defaultValue = "10000") int maxArrayElements) {
        this.maxArrayElements = maxArrayElements;
        this.objectMapper = objectMapper;
        this.schemas = schemas;
        this.dialect = new IdpDialect(booleans(schemas));
        this.maxBodyBytes = maxBodyBytes;
        this.maxResults = maxResults;
    }

    int maxResults() {
        return maxResults;
    }

    ObjectNode resourceBody(ResourceKind kind, String body) {
        return dialect.normaliseResource(kind, storable(object(body)));
    }

    ObjectNode patchBody(ResourceKind kind, String body) {
        return dialect.normalisePatch(kind, storable(object(body)));
    }

    /** PostgreSQL text and jsonb cannot hold NUL: a write that carries one anywhere is refused whole. */
    private static ObjectNode storable(ObjectNode body) {
        if (NulCharacters.anywhere(body)) {
            throw new ScimException(400, "invalidValue",
                    "The request body contains a NUL character (\\u0000), which no attribute can hold");
        }
        return body;
    }

    /** A JSON object body, within the size limit. */
    ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimException(400, "invalidSyntax", "The request needs a JSON body");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ScimException(413, null, "The request body is larger than " + maxBodyBytes + " bytes");
        }
        try {
            JsonNode node = objectMapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ScimException(400, "invalidSyntax", "The request body must be a JSON object");
            }
            checkArrays(node);
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ScimException(400, "invalidSyntax", "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The SQL for a list request's filter, sort and page. */
    ResourceQuery query(ResourceKind kind, ListRequest request) {
        ResourceSchema schema = schema(kind);
        ResourceColumns columns = kind == ResourceKind.USER ? ResourceColumns.USER : ResourceColumns.GROUP;
        FilterTranslator.Sql where = filter(kind, request.filter())
                .map(filter -> FilterTranslator.translate(schema, columns, filter))
                .orElse(new FilterTranslator.Sql("true", java.util.List.of(), false));
        String orderBy = request.sortBy() == null ? null
                : FilterTranslator.orderBy(schema, columns, sortPath(request.sortBy()), request.descending());
        return new ResourceQuery(where.condition(), where.parameters(), where.arrayContainment(), orderBy,
                request.offset(), request.count());
    }

    Optional<Filter> filter(ResourceKind kind, String filter) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        if (filter.indexOf('\0') >= 0) {
            throw new ScimException(400, "invalidFilter", "The filter contains a NUL character (\\u0000)");
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw new ScimException(400, "invalidFilter", "The filter is longer than " + MAX_FILTER_LENGTH + " characters");
        }
        FilterDepth.TextShape shape = FilterDepth.ofText(filter);
        if (shape.depth() > MAX_FILTER_DEPTH) {
            throw new ScimException(400, "invalidFilter", "The filter is nested more than " + MAX_FILTER_DEPTH + " levels deep");
        }
        // The SDK parser lets a value filter without its closing ']' pass; we do not.
        if (!shape.bracketsBalance()) {
            throw new ScimException(400, "invalidFilter", "Invalid filter '" + filter + "': unbalanced '[' and ']'");
        }
        try {
            Filter parsed = Filter.fromString(dialect.normaliseFilter(kind, filter));
            if (FilterDepth.of(parsed) > MAX_FILTER_DEPTH) {
                throw new ScimException(400, "invalidFilter", "The filter combines and/or/not more than "
                        + MAX_FILTER_DEPTH + " levels deep");
            }
            FilterDepth.structuredLiteral(parsed).ifPresent(comparison -> {
                throw new ScimException(400, "invalidFilter", "Invalid filter '" + filter + "': '" + comparison
                        + "' compares with an array or object; compare with a string, number, boolean or null");
            });
            return Optional.of(parsed);
        } catch (BadRequestException e) {
            throw new ScimException(400, "invalidFilter", "Invalid filter '" + filter + "': " + e.getMessage());
        } catch (ClassCastException e) {
            // The SDK parser reads '[' or '{' after an operator as a JSON value and then expects a scalar.
            throw new ScimException(400, "invalidFilter", "Invalid filter '" + filter
                    + "': compare with a string, number, boolean or null, not an array or object");
        }
    }

    /** Arrays in a body are bounded, whatever the byte size: each element costs work and memory downstream. */
    private void checkArrays(JsonNode node) {
        if (node.isArray() && node.size() > maxArrayElements) {
            throw new ScimException(400, "invalidValue", "An array in the request body has " + node.size()
                    + " elements; at most " + maxArrayElements + " are accepted (patchbay.scim.max-array-elements)");
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                checkArrays(child);
            }
        }
    }

    ResourceSchema schema(ResourceKind kind) {
        return kind == ResourceKind.USER ? schemas.user() : schemas.group();
    }

    private static Path sortPath(String sortBy) {
        try {
            return Path.fromString(sortBy);
        } catch (BadRequestException e) {
            throw new ScimException(400, "invalidValue", "Invalid sortBy '" + sortBy + "'");
        }
    }

    private static BooleanAttributes booleans(SchemaRegistry schemas) {
        return (kind, path) -> {
            ResourceSchema schema = kind == ResourceKind.USER ? schemas.user() : schemas.group();
            String urn = schema.coreUrn();
            String attributePath = path;
            if (path.regionMatches(true, 0, "urn:", 0, 4)) {
                int split = path.lastIndexOf(':');
                Optional<String> known = schema.schemaUrn(path.substring(0, split));
                if (known.isEmpty()) {
                    return false;
                }
                urn = known.get();
                attributePath = path.substring(split + 1);
            }
            String[] parts = attributePath.split("\\.", 2);
            Optional<AttributeDefinition> attribute = schema.attribute(urn, parts[0]);
            if (parts.length == 2) {
                attribute = attribute.flatMap(parent -> parent.subAttribute(parts[1]));
            }
            return attribute.map(found -> found.type() == AttributeType.BOOLEAN).orElse(false);
        };
    }
}
