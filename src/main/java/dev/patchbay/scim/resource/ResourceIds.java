package dev.patchbay.scim.resource;

import dev.patchbay.scim.error.ScimException;
import java.util.UUID;

/** Resource ids are UUIDs; anything else names no resource. */
final class ResourceIds {

    private ResourceIds() {
    }

    static UUID parse(String resourceType, String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // fall through: not an id this server issued
        }
        throw notFound(resourceType, id);
    }

    static ScimException notFound(String resourceType, String id) {
        return ScimException.notFound(resourceType + " " + id + " not found");
    }
}
