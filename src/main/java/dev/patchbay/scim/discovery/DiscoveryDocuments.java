package dev.patchbay.scim.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The discovery resources of RFC 7644 §4, read once from {@code scim-schemas/}. The limits in
 * ServiceProviderConfig come from configuration so that what is advertised is what is enforced.
 */
@ApplicationScoped
public class DiscoveryDocuments {

    private static final String ROOT = "scim-schemas/";
    private static final List<String> SCHEMA_FILES =
            List.of("User", "Group", "EnterpriseUser", "PatchbayUser");
    private static final List<String> RESOURCE_TYPE_FILES = List.of("User", "Group");

    private final ObjectNode serviceProviderConfig;
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final Map<String, ObjectNode> resourceTypes = new LinkedHashMap<>();

    public DiscoveryDocuments(ObjectMapper objectMapper,
            @ConfigProperty(name = "patchbay.scim.filter-max-results") int filterMaxResults,
            @ConfigProperty(name = "patchbay.scim.bulk-max-operations") int bulkMaxOperations,
            @ConfigProperty(name = "patchbay.scim.bulk-max-payload-bytes") int bulkMaxPayloadBytes) {
        serviceProviderConfig = read(objectMapper, "ServiceProviderConfig.json");
        ((ObjectNode) serviceProviderConfig.path("filter")).put("maxResults", filterMaxResults);
        ((ObjectNode) serviceProviderConfig.path("pagination")).put("defaultPageSize", filterMaxResults);
        ((ObjectNode) serviceProviderConfig.path("pagination")).put("maxPageSize", filterMaxResults);
        ((ObjectNode) serviceProviderConfig.path("bulk")).put("maxOperations", bulkMaxOperations);
        ((ObjectNode) serviceProviderConfig.path("bulk")).put("maxPayloadSize", bulkMaxPayloadBytes);
        for (String file : SCHEMA_FILES) {
            ObjectNode schema = read(objectMapper, "schemas/" + file + ".json");
            schemas.put(schema.path("id").asText(), schema);
        }
        for (String file : RESOURCE_TYPE_FILES) {
            ObjectNode resourceType = read(objectMapper, "resource-types/" + file + ".json");
            resourceTypes.put(resourceType.path("id").asText(), resourceType);
        }
    }

    /** The document with {@code meta.location} set to {@code location}; the stored copy is untouched. */
    public ObjectNode serviceProviderConfig(String location) {
        return located(serviceProviderConfig, location);
    }

    public Map<String, ObjectNode> schemas() {
        return schemas;
    }

    public Map<String, ObjectNode> resourceTypes() {
        return resourceTypes;
    }

    public Optional<ObjectNode> schema(String id) {
        return Optional.ofNullable(schemas.get(id));
    }

    public Optional<ObjectNode> resourceType(String id) {
        return Optional.ofNullable(resourceTypes.get(id));
    }

    public static ObjectNode located(ObjectNode document, String location) {
        ObjectNode copy = document.deepCopy();
        JsonNode meta = copy.path("meta");
        (meta.isObject() ? (ObjectNode) meta : copy.putObject("meta")).put("location", location);
        return copy;
    }

    private static ObjectNode read(ObjectMapper objectMapper, String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing discovery document " + ROOT + file);
            }
            return (ObjectNode) objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable discovery document " + ROOT + file, e);
        }
    }
}
