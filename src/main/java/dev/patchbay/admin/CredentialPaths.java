package dev.patchbay.admin;

import dev.patchbay.web.ApiException;
import java.util.UUID;

/** The checks every {@code /admin/v1/connections/{connection}/<credentials>} resource starts with. */
final class CredentialPaths {

    private CredentialPaths() {
    }

    static void requireConnection(ConnectionService connections, String connectionId) {
        if (connections.find(connectionId).isEmpty()) {
            throw ConnectionService.notFound(connectionId);
        }
    }

    /** A malformed id cannot name anything: 404 like an unknown one. */
    static UUID parseId(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No " + what + " " + id);
        }
    }

    static ApiException noLive(String connectionId, String what, String id) {
        return ApiException.notFound("Connection '" + connectionId + "' has no live " + what + " " + id);
    }
}
