package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.ScimMediaType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/** Response shapes shared by the SCIM resources. */
final class ScimResponses {

    /** Building a URL (encoding the connection id) costs more than the rest of a lookup's answer. */
    private static final Map<String, String> ENDPOINTS = new ConcurrentHashMap<>();
    private static final int MAX_ENDPOINTS = 10_000;

    private ScimResponses() {
    }

    static Response ok(ObjectNode resource, long version) {
        return Response.ok(resource, ScimMediaType.SCIM_JSON).tag(etag(version)).build();
    }

    static Response created(ObjectNode resource, String location, long version) {
        return Response.created(URI.create(location)).entity(resource).type(ScimMediaType.SCIM_JSON)
                .tag(etag(version)).build();
    }

    static Response notModified(long version) {
        return Response.notModified(etag(version)).build();
    }

    static Response noContent(long version) {
        return Response.noContent().tag(etag(version)).build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version), true);
    }

    static String location(UriInfo uriInfo, String connection, String endpoint, UUID id) {
        return endpointLocation(uriInfo, connection, endpoint) + "/" + id;
    }

    /** The endpoint's URL, to which a resource's location adds "/" and its id (a UUID needs no encoding). */
    static String endpointLocation(UriInfo uriInfo, String connection, String endpoint) {
        URI base = uriInfo.getBaseUri();
        String key = base + " " + connection + " " + endpoint;
        String known = ENDPOINTS.get(key);
        if (known != null) {
            return known;
        }
        if (ENDPOINTS.size() >= MAX_ENDPOINTS) {
            ENDPOINTS.clear(); // many host names or connections: start again rather than grow
        }
        String built = UriBuilder.fromUri(base).path("scim/v2").path(connection).path(endpoint).build().toString();
        ENDPOINTS.put(key, built);
        return built;
    }
}
