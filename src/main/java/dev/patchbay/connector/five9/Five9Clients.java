package dev.patchbay.connector.five9;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link Five9Client} per connection in this gateway instance, shared by its jobs: so that each admin
 * user runs one request at a time across them, and an admin user Five9 refused stays set aside for all of
 * them. Settings that changed (a fixed password) make a new client.
 */
final class Five9Clients {

    private record Shared(Five9Settings settings, Five9Client client) {
    }

    private final Map<String, Shared> byConnection = new HashMap<>();

    synchronized Five9Client of(String connectionId, Five9Settings settings) {
        Shared shared = byConnection.get(connectionId);
        if (shared == null || !shared.settings().equals(settings)) {
            shared = new Shared(settings, new Five9Client(settings));
            byConnection.put(connectionId, shared);
        }
        return shared.client();
    }
}
