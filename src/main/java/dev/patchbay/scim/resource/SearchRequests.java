package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.error.ScimException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The body of {@code POST …/.search} (RFC 7644 §3.4.3). */
final class SearchRequests {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private static final Set<String> FIELDS = Set.of("schemas", "attributes", "excludedattributes", "filter",
            "sortby", "sortorder", "startindex", "count", "cursor");

    private SearchRequests() {
    }

    static ListRequest read(ObjectNode body, int maxResults) {
        JsonNode schemas = body.path("schemas");
        boolean searchRequest = false;
        for (JsonNode urn : schemas) {
            searchRequest |= SCHEMA.equals(urn.asText());
        }
        if (!searchRequest) {
            throw new ScimException(400, "invalidSyntax", "A search needs \"schemas\": [\"" + SCHEMA + "\"]");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name.toLowerCase())) {
                throw new ScimException(400, "invalidSyntax", "Unknown field '" + name + "' in a search request");
            }
        }
        return ListRequest.of(text(body, "filter"), number(body, "startIndex"), number(body, "count"),
                text(body, "sortBy"), text(body, "sortOrder"), list(body, "attributes"),
                list(body, "excludedAttributes"), text(body, "cursor"), maxResults);
    }

    private static JsonNode field(ObjectNode body, String name) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return body.get(candidate);
            }
        }
        return null;
    }

    private static String text(ObjectNode body, String name) {
        JsonNode value = field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ScimException(400, "invalidValue", "'" + name + "' must be a string");
        }
        return value.asText();
    }

    private static String number(ObjectNode body, String name) {
        JsonNode value = field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new ScimException(400, "invalidValue", "'" + name + "' must be an integer");
        }
        return value.asText();
    }

    private static String list(ObjectNode body, String name) {
        JsonNode value = field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new ScimException(400, "invalidValue", "'" + name + "' must be an array of attribute names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new ScimException(400, "invalidValue", "'" + name + "' must be an array of attribute names");
            }
            names.add(element.asText());
        }
        return String.join(",", names);
    }
}
