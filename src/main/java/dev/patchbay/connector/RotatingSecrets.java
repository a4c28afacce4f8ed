package dev.patchbay.connector;

import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets a connector changes itself, such as a single-use refresh token the vendor replaces at every
 * renewal: kept per connection and name, encrypted at rest like the connection's secret settings, and
 * renewed under a lock that every gateway instance honours, so that two replicas never spend the same
 * token (a spent refresh token locks the integration out).
 */
public interface RotatingSecrets {

    /** The stored value, read without the lock (it may be renewed a moment later). */
    Optional<String> current(String connectionId, String name);

    /**
     * Holds the lock of (connection, name) across gateway instances, hands {@code renewal} the value stored
     * now (another instance may just have renewed it), stores what it returns, and releases the lock. A
     * renewal that returns its input unchanged stores nothing; one that throws stores nothing.
     */
    String renew(String connectionId, String name, Function<Optional<String>, String> renewal);
}
