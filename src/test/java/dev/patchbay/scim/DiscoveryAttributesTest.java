package dev.patchbay.scim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strict clients abort on any attribute RFC 7643 does not define: each discovery document, as served, holds
 * only RFC 7643 attributes and values (ServiceProviderConfig also RFC 9865's pagination block).
 */
@QuarkusTest
class DiscoveryAttributesTest {

    private static final Set<String> LIST = Set.of("schemas", "totalResults", "itemsPerPage", "startIndex", "Resources");
    private static final Set<String> META = Set.of("resourceType", "created", "lastModified", "location", "version");
    private static final Set<String> SCHEMA = Set.of("schemas", "id", "name", "description", "attributes", "meta");
    private static final Set<String> ATTRIBUTE = Set.of("name", "type", "subAttributes", "multiValued", "description",
            "required", "canonicalValues", "caseExact", "mutability", "returned", "uniqueness", "referenceTypes");
    private static final Set<String> TYPES = Set.of("string", "boolean", "decimal", "integer", "dateTime", "reference",
            "complex", "binary");
    private static final Set<String> MUTABILITY = Set.of("readOnly", "readWrite", "immutable", "writeOnly");
    private static final Set<String> RETURNED = Set.of("always", "never", "default", "request");
    private static final Set<String> UNIQUENESS = Set.of("none", "server", "global");
    private static final Set<String> RESOURCE_TYPE = Set.of("schemas", "id", "name", "description", "endpoint", "schema",
            "schemaExtensions", "meta");
    private static final Set<String> SCHEMA_EXTENSION = Set.of("schema", "required");
    private static final Set<String> SERVICE_PROVIDER_CONFIG = Set.of("schemas", "documentationUri", "patch", "bulk",
            "filter", "changePassword", "sort", "etag", "authenticationSchemes", "meta", "pagination");
    private static final Set<String> AUTHENTICATION_SCHEME = Set.of("type", "name", "description", "specUri",
            "documentationUri", "primary");
    private static final Map<String, Set<String>> SERVICE_PROVIDER_BLOCKS = Map.of(
            "patch", Set.of("supported"),
            "bulk", Set.of("supported", "maxOperations", "maxPayloadSize"),
            "filter", Set.of("supported", "maxResults"),
            "changePassword", Set.of("supported"),
            "sort", Set.of("supported"),
            "etag", Set.of("supported"),
            "pagination", Set.of("cursor", "index", "defaultPaginationMethod", "defaultPageSize", "maxPageSize",
                    "cursorTimeout"));

    private ScimFixture scim;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void connection() {
        scim = ScimFixture.create("rfc");
    }

    @Test
    void schemasHoldOnlyRfc7643Characteristics() {
        Map<String, Object> list = scim.get("/Schemas").statusCode(200).extract().jsonPath().getMap("$");
        only("Schemas", list, LIST);
        for (Map<String, Object> schema : maps(list.get("Resources"))) {
            String id = (String) schema.get("id");
            only(id, schema, SCHEMA);
            only(id + ".meta", map(schema.get("meta")), META);
            attributes(id, maps(schema.get("attributes")));
            only(id + " alone", scim.get("/Schemas/" + id).statusCode(200).extract().jsonPath().getMap("$"), SCHEMA);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void resourceTypesHoldOnlyRfc7643Attributes() {
        Map<String, Object> list = scim.get("/ResourceTypes").statusCode(200).extract().jsonPath().getMap("$");
        only("ResourceTypes", list, LIST);
        for (Map<String, Object> type : maps(list.get("Resources"))) {
            only((String) type.get("id"), type, RESOURCE_TYPE);
            only(type.get("id") + ".meta", map(type.get("meta")), META);
            for (Map<String, Object> extension : maps(type.getOrDefault("schemaExtensions", List.of()))) {
                only(type.get("id") + ".schemaExtensions", extension, SCHEMA_EXTENSION);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void serviceProviderConfigHoldsOnlyRfc7643AttributesAndThePaginationBlock() {
        Map<String, Object> config = scim.get("/ServiceProviderConfig").statusCode(200).extract().jsonPath().getMap("$");
        only("ServiceProviderConfig", config, SERVICE_PROVIDER_CONFIG);
        SERVICE_PROVIDER_BLOCKS.forEach((block, allowed) -> only(block, map(config.get(block)), allowed));
        assertTrue(config.containsKey("pagination"), "the RFC 9865 pagination block stays");
        for (Map<String, Object> scheme : maps(config.get("authenticationSchemes"))) {
            only("authenticationSchemes", scheme, AUTHENTICATION_SCHEME);
        }
        only("meta", map(config.get("meta")), META);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void attributes(String where, List<Map<String, Object>> attributes) {
        for (Map<String, Object> attribute : attributes) {
            String path = where + ":" + attribute.get("name");
            only(path, attribute, ATTRIBUTE);
            value(path, "type", attribute, TYPES);
            value(path, "mutability", attribute, MUTABILITY);
            value(path, "returned", attribute, RETURNED);
            value(path, "uniqueness", attribute, UNIQUENESS);
            if (attribute.containsKey("subAttributes")) {
                attributes(path, maps(attribute.get("subAttributes")));
            }
        }
    }

    private void value(String path, String characteristic, Map<String, Object> attribute, Set<String> allowed) {
        Object value = attribute.get(characteristic);
        if (value != null && !allowed.contains(value)) {
            problems.add(path + ": " + characteristic + " '" + value + "' is not an RFC 7643 value");
        }
    }

    private void only(String where, Map<String, Object> document, Set<String> allowed) {
        for (String key : document.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(where + ": '" + key + "' is not an RFC 7643 attribute");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
