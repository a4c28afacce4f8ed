package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.VendorKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** 8x8 connections: settings scimBaseUrl, scimToken, adminBaseUrl, apiKey (see EightByEightSettings). */
@ApplicationScoped
public class EightByEightConnectorFactory implements ConnectorFactory {

    @Override
    public boolean supports(VendorKind vendor, Map<String, Object> settings) {
        return vendor == VendorKind.EIGHT_BY_EIGHT;
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new EightByEightConnector(settings);
    }
}
