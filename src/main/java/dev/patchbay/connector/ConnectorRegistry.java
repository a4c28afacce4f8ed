package dev.patchbay.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The vendors this gateway has a connector for: one factory each, found among the beans present. */
@ApplicationScoped
public class ConnectorRegistry {

    private final Instance<ConnectorFactory> factories;

    public ConnectorRegistry(Instance<ConnectorFactory> factories) {
        this.factories = factories;
    }

    public List<ConnectorFactory> factories() {
        return factories.stream().sorted(Comparator.comparing(factory -> factory.vendor().id())).toList();
    }

    public List<Vendor> vendors() {
        return factories().stream().map(ConnectorFactory::vendor).toList();
    }

    public Optional<ConnectorFactory> factory(String vendorId) {
        return factories.stream().filter(factory -> factory.vendor().id().equals(vendorId)).findFirst();
    }

    /** "eightbyeight, genesys": the vendor ids, for messages. */
    public String vendorIds() {
        return vendors().stream().map(Vendor::id).collect(Collectors.joining(", "));
    }

    /** Every problem with a connection's settings: the vendor's own, and those every connection takes. */
    public List<SettingViolation> validate(ConnectorFactory factory, Map<String, Object> settings) {
        Map<String, Object> vendorSettings = new java.util.LinkedHashMap<>(settings);
        vendorSettings.keySet().removeAll(GatewaySettings.SCHEMA.only(settings).keySet());
        List<SettingViolation> problems = new java.util.ArrayList<>(factory.validate(vendorSettings));
        problems.addAll(GatewaySettings.SCHEMA.validate(GatewaySettings.SCHEMA.only(settings)));
        return problems;
    }

    /** The dotted paths of a vendor's secret settings, and of the gateway's. */
    public java.util.Set<String> secretNames(String vendorId) {
        java.util.Set<String> names = new java.util.HashSet<>(GatewaySettings.SCHEMA.secretNames());
        factory(vendorId).ifPresent(factory -> names.addAll(factory.vendor().settings().secretNames()));
        return java.util.Set.copyOf(names);
    }

    public Optional<Connector> connectorFor(String vendorId, String connectionId, Map<String, Object> settings) {
        return factory(vendorId).map(factory -> factory.connect(connectionId,
                factory.vendor().settings().withDefaults(settings)));
    }
}
