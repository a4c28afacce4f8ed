package dev.patchbay.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;

/** Finds the connector for a connection's vendor among the connector factories present. */
@ApplicationScoped
public class ConnectorRegistry {

    private final Instance<ConnectorFactory> factories;

    public ConnectorRegistry(Instance<ConnectorFactory> factories) {
        this.factories = factories;
    }

    public Optional<Connector> connectorFor(VendorKind vendor, String connectionId, Map<String, Object> settings) {
        return factories.stream()
                .filter(factory -> factory.supports(vendor, settings))
                .max(java.util.Comparator.comparingInt(ConnectorFactory::priority))
                .map(factory -> factory.connect(connectionId, settings));
    }
}
