package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.schema.ResourceSchema;
import java.time.Instant;

/** Parts every SCIM resource representation shares. */
final class ResourceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceJson() {
    }

    /** The core schema and each extension the resource has values for. */
    static ArrayNode schemas(ResourceSchema schema, ObjectNode attributes) {
        ArrayNode schemas = NODES.arrayNode().add(schema.coreUrn());
        for (String extension : schema.extensionUrns()) {
            if (attributes.has(extension)) {
                schemas.add(extension);
            }
        }
        return schemas;
    }

    static ObjectNode meta(String resourceType, Instant created, Instant lastModified, String location, long version) {
        ObjectNode meta = NODES.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", etag(version));
        return meta;
    }

    /** Weak, since the JSON of one version is not byte-for-byte stable (attribute projection, key order). */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** The location of another resource of the same connection, e.g. a group from a user's location. */
    static String sibling(String location, String endpoint, String id) {
        int endpointStart = location.lastIndexOf('/', location.lastIndexOf('/') - 1);
        return location.substring(0, endpointStart + 1) + endpoint + "/" + id;
    }
}
