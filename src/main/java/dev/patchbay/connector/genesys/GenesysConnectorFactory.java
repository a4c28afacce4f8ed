package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.VendorKind;
import io.quarkus.oidc.client.OidcClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.HashMap;

/**
 * Genesys Cloud connections: settings region (or apiBaseUrl and loginBaseUrl), clientId, clientSecret,
 * licenseTiers. One access token per OAuth client is shared by all of the connection's calls.
 */
@ApplicationScoped
public class GenesysConnectorFactory implements ConnectorFactory {

    private final OidcClients clients;
    private final Clock clock;
    private final Map<String, GenesysTokens> tokens = new HashMap<>();
    private final Map<String, GenesysCatalog.Listings> listings = new HashMap<>();

    @Inject
    public GenesysConnectorFactory(OidcClients clients) {
        this(clients, Clock.systemUTC());
    }

    GenesysConnectorFactory(OidcClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public boolean supports(VendorKind vendor, Map<String, Object> settings) {
        return vendor == VendorKind.GENESYS;
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new GenesysConnector(settings, parsed -> tokensFor(connectionId, parsed),
                parsed -> listingsFor(connectionId, parsed), clock);
    }

    /** The connection's catalogue listings, new when it points at another org. */
    private synchronized GenesysCatalog.Listings listingsFor(String connectionId, GenesysSettings settings) {
        String key = connectionId + "|" + settings.apiBaseUrl() + "|" + settings.clientId();
        listings.keySet().removeIf(other -> other.startsWith(connectionId + "|") && !other.equals(key));
        return listings.computeIfAbsent(key, ignored -> new GenesysCatalog.Listings());
    }

    /** The connection's token source, new when its login URL or client changed. */
    private synchronized GenesysTokens tokensFor(String connectionId, GenesysSettings settings) {
        String key = connectionId + "|" + settings.loginBaseUrl() + "|" + settings.clientId() + "|"
                + Integer.toHexString(settings.clientSecret().hashCode());
        GenesysTokens existing = tokens.get(key);
        if (existing != null) {
            return existing;
        }
        tokens.entrySet().removeIf(entry -> {
            boolean stale = entry.getKey().startsWith(connectionId + "|");
            if (stale) {
                entry.getValue().close();
            }
            return stale;
        });
        GenesysTokens created = new GenesysTokens(clients, settings, "genesys-" + connectionId, clock);
        tokens.put(key, created);
        return created;
    }
}
