package dev.patchbay.provisioning;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.Notice;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.Seat;
import dev.patchbay.secrets.ConnectionSecrets;
import dev.patchbay.store.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's connector: its vendor's factory, and a connector built from the connection's settings
 * with their secrets decrypted (for vendor calls only, never logged) and the schema's defaults filled in.
 */
@ApplicationScoped
public class VendorConnections {

    /** A connector ready to call for one connection. */
    public record Bound(String connectionId, ConnectorFactory factory, Connector connector,
            Map<String, Object> settings) {

        /** The vendor account's rate limit as the connection's settings make it. */
        public RateLimit rateLimit() {
            return factory.rateLimit(settings);
        }

        /** What this connection can do, as its settings make it. */
        public Capabilities capabilities() {
            return factory.capabilities(settings);
        }

        /** The context of calls that share {@code idempotencyKey} (the same step retried). */
        public CallContext context(String idempotencyKey) {
            return new CallContext(connectionId, settings, idempotencyKey);
        }

        /** Likewise, for a sync of an account Patchbay last applied {@code applied} to, notices to {@code notices}. */
        public CallContext context(String idempotencyKey, java.util.function.Consumer<Notice> notices, Seat applied) {
            return new CallContext(connectionId, settings, idempotencyKey, notices, applied);
        }

        @Override
        public String toString() {
            return "Bound[connectionId=" + connectionId + ", vendor=" + factory.vendor().id() + "]";
        }
    }

    private final ConnectorRegistry vendors;
    private final ConnectionSecrets secrets;

    public VendorConnections(ConnectorRegistry vendors, ConnectionSecrets secrets) {
        this.vendors = vendors;
        this.secrets = secrets;
    }

    /** Empty when this gateway has no connector for the connection's vendor. */
    public Optional<Bound> connect(Connection connection) {
        return connect(connection, Map.of());
    }

    /** Likewise, with the policy's {@code vendorOptions} over the connection's settings. */
    public Optional<Bound> connect(Connection connection, Map<String, Object> vendorOptions) {
        return vendors.factory(connection.vendor).map(factory -> {
            Map<String, Object> settings = settings(factory, connection, vendorOptions);
            return new Bound(connection.id, factory, factory.connect(connection.id, settings), settings);
        });
    }

    /** The settings a connector would get (no connector is built): secrets open, options over them, defaults. */
    public Optional<Map<String, Object>> settings(Connection connection, Map<String, Object> vendorOptions) {
        return vendors.factory(connection.vendor).map(factory -> settings(factory, connection, vendorOptions));
    }

    /** What the connection can do as its settings (and the policy's {@code vendorOptions}) make it; no connector is built. */
    public Optional<Capabilities> capabilities(Connection connection, Map<String, Object> vendorOptions) {
        return vendors.factory(connection.vendor)
                .map(factory -> factory.capabilities(settings(factory, connection, vendorOptions)));
    }

    /** The vendor account's rate limit as the connection's settings make it. */
    public Optional<RateLimit> rateLimit(Connection connection) {
        return vendors.factory(connection.vendor)
                .map(factory -> factory.rateLimit(settings(factory, connection, Map.of())));
    }

    private Map<String, Object> settings(ConnectorFactory factory, Connection connection,
            Map<String, Object> vendorOptions) {
        Map<String, Object> given = new java.util.HashMap<>(secrets.open(connection.id, connection.settings));
        vendorOptions.forEach((key, value) -> {
            if (factory.policyOptions().contains(key)) {
                given.put(key, value);
            }
        });
        return factory.vendor().settings().withDefaults(given);
    }
}
