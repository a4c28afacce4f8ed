package dev.patchbay.connector;

import java.util.Map;

/** Builds connectors for one vendor from a connection's settings; vendor packages provide one each. */
public interface ConnectorFactory {

    boolean supports(VendorKind vendor);

    Connector connect(String connectionId, Map<String, Object> settings);
}
