package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.VendorKind;
import io.quarkus.oidc.client.OidcClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Genesys Cloud connections: settings region (or apiBaseUrl and loginBaseUrl), clientId, clientSecret,
 * licenseTiers. One access token per OAuth client is shared by all of the connection's calls.
 */
@ApplicationScoped
public class GenesysConnectorFactory implements ConnectorFactory {

    private final OidcClients clients;
    private final Clock clock;
    private final Map<String, Shared> sessions = new HashMap<>();

    /** A connection's session and the settings it was made for (org, login, client and secret). */
    private record Shared(String madeFor, GenesysSession session) {
    }

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
        return new GenesysConnector(settings, parsed -> sessionFor(connectionId, parsed), clock);
    }

    /** The connection's session, new when it points at another org, login or client, or the secret changed. */
    private synchronized GenesysSession sessionFor(String connectionId, GenesysSettings settings) {
        String madeFor = settings.apiBaseUrl() + "|" + settings.loginBaseUrl() + "|" + settings.clientId() + "|"
                + Integer.toHexString(settings.clientSecret().hashCode());
        Shared existing = sessions.get(connectionId);
        if (existing != null && existing.madeFor().equals(madeFor)) {
            return existing.session();
        }
        if (existing != null) {
            existing.session().tokens().close();
        }
        GenesysSession session = new GenesysSession(
                new GenesysTokens(clients, settings, "genesys-" + connectionId, clock), new GenesysCatalog.Listings());
        sessions.put(connectionId, new Shared(madeFor, session));
        return session;
    }
}
