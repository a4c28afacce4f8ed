package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.scim.ScimMediaType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;

/** Response shapes shared by the SCIM resources. */
final class ScimResponses {

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
        return uriInfo.getBaseUriBuilder().path("scim/v2").path(connection).path(endpoint).path(id.toString())
                .build().toString();
    }
}
