package dev.patchbay.scim.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.ListResponse;
import dev.patchbay.scim.ScimMediaType;
import dev.patchbay.scim.error.ScimException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** ServiceProviderConfig, ResourceTypes and Schemas of one connection's SCIM base (RFC 7644 §4). */
@Path("/scim/v2/{connection}")
@Produces({ScimMediaType.SCIM_JSON, "application/json"})
public class DiscoveryResource {

    /** Each base URL's documents, serialised once: they only change with a restart. */
    private static final int MAX_CACHED = 1_000;

    private final DiscoveryDocuments documents;
    private final ObjectMapper objectMapper;
    private final Map<String, byte[]> serialised = new ConcurrentHashMap<>();

    public DiscoveryResource(DiscoveryDocuments documents, ObjectMapper objectMapper) {
        this.documents = documents;
        this.objectMapper = objectMapper;
    }

    /** The document for {@code location}, as UTF-8 JSON, built once per location (no encoding per request). */
    private byte[] cached(String location, Supplier<Object> document) {
        byte[] json = serialised.get(location);
        if (json == null) {
            try {
                json = objectMapper.writeValueAsBytes(document.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (serialised.size() >= MAX_CACHED) {
                serialised.clear();
            }
            serialised.put(location, json);
        }
        return json;
    }

    @GET
    @Path("ServiceProviderConfig")
    public byte[] serviceProviderConfig(@PathParam("connection") String connection,
            @QueryParam("filter") String filter, UriInfo uriInfo) {
        rejectFilter(filter);
        String location = location(uriInfo, connection, "ServiceProviderConfig");
        return cached(location, () -> documents.serviceProviderConfig(location));
    }

    @GET
    @Path("ResourceTypes")
    public byte[] resourceTypes(@PathParam("connection") String connection,
            @QueryParam("filter") String filter, UriInfo uriInfo) {
        rejectFilter(filter);
        String location = location(uriInfo, connection, "ResourceTypes");
        return cached(location, () -> list(documents.resourceTypes(), location));
    }

    @GET
    @Path("ResourceTypes/{id}")
    public ObjectNode resourceType(@PathParam("connection") String connection, @PathParam("id") String id,
            UriInfo uriInfo) {
        return documents.resourceType(id)
                .map(type -> DiscoveryDocuments.located(type, location(uriInfo, connection, "ResourceTypes") + "/" + id))
                .orElseThrow(() -> ScimException.notFound("No resource type '" + id + "'"));
    }

    @GET
    @Path("Schemas")
    public byte[] schemas(@PathParam("connection") String connection,
            @QueryParam("filter") String filter, UriInfo uriInfo) {
        rejectFilter(filter);
        String location = location(uriInfo, connection, "Schemas");
        return cached(location, () -> list(documents.schemas(), location));
    }

    @GET
    @Path("Schemas/{id}")
    public ObjectNode schema(@PathParam("connection") String connection, @PathParam("id") String id,
            UriInfo uriInfo) {
        return documents.schema(id)
                .map(schema -> DiscoveryDocuments.located(schema, location(uriInfo, connection, "Schemas") + "/" + id))
                .orElseThrow(() -> ScimException.notFound("No schema '" + id + "'"));
    }

    private static ListResponse<ObjectNode> list(Map<String, ObjectNode> byId, String endpoint) {
        List<ObjectNode> located = byId.entrySet().stream()
                .map(entry -> DiscoveryDocuments.located(entry.getValue(), endpoint + "/" + entry.getKey()))
                .toList();
        return ListResponse.of(located, located.size(), 1);
    }

    /** Schema ids are URNs: their colons stay as they are in the location (RFC 3986 allows them in a path). */
    private static String location(UriInfo uriInfo, String connection, String endpoint) {
        return uriInfo.getBaseUriBuilder().path("scim/v2").path(connection).path(endpoint).build().toString();
    }

    /** RFC 7644 §4: a filter on discovery endpoints is answered with 403 so no one trusts a match. */
    private static void rejectFilter(String filter) {
        if (filter != null) {
            throw new ScimException(403, null, "Filtering is not supported on discovery endpoints");
        }
    }
}
