package dev.patchbay.connector;

import java.util.Map;

/** Builds connectors for one vendor from a connection's settings; vendor packages provide one each. */
public interface ConnectorFactory {

    /** Whether this factory serves the connection (its vendor, and settings where that matters). */
    boolean supports(VendorKind vendor, Map<String, Object> settings);

    Connector connect(String connectionId, Map<String, Object> settings);

    /** When several factories support a vendor, the highest priority wins (test doubles outrank real ones). */
    default int priority() {
        return 0;
    }
}
