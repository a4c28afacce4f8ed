package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.SandboxDemo;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.connector.SettingsSchema;
import dev.patchbay.connector.Vendor;
import dev.patchbay.connector.kit.ClientCredentialsTokens;
import io.quarkus.oidc.client.OidcClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Genesys Cloud connections: settings region (or apiBaseUrl and loginBaseUrl), clientId, clientSecret,
 * licenseTiers. One access token per OAuth client is shared by all of the connection's calls.
 */
@ApplicationScoped
public class GenesysConnectorFactory implements ConnectorFactory {

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            Setting.of("region", SettingType.STRING, "The org's region domain, e.g. mypurecloud.com, mypurecloud.ie,"
                    + " usw2.pure.cloud (API at api.{region}, login at login.{region})"),
            Setting.of("apiBaseUrl", SettingType.URL, "Platform API base URL instead of a region"),
            Setting.of("loginBaseUrl", SettingType.URL, "Login (OAuth) base URL instead of a region"),
            Setting.of("clientId", SettingType.STRING, "OAuth client id (client credentials grant)").asRequired(),
            Setting.of("clientSecret", SettingType.STRING, "OAuth client secret").asRequired().asSecret(),
            Setting.of("licenseTiers", SettingType.STRING_LIST,
                    "The org's license ids, lowest tier first").withDefault(GenesysSettings.DEFAULT_LICENSE_TIERS),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one HTTP call").withDefault(10)
                    .range(1, 300))
            .anyOf("region", "apiBaseUrl")
            .together("apiBaseUrl", "loginBaseUrl");

    /** Public list prices of Genesys Cloud CX 1 and CX 4 (the low end of each), under both naming styles. */
    static final ListPrices LIST_PRICES = new ListPrices("USD", Map.of("CX 1", new BigDecimal("75"),
            "CX 4", new BigDecimal("240"), "cx1", new BigDecimal("75"), "cx4", new BigDecimal("240")));

    private final OidcClients clients;
    private final Clock clock;
    private final Map<String, Shared> sessions = new HashMap<>();

    /** A connection's session and the settings it was made for (org, login, client and secret). */
    private record Shared(String madeFor, GenesysSession session) {
    }

    private final Optional<SandboxDemo> demo;

    @Inject
    public GenesysConnectorFactory(OidcClients clients,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-id", defaultValue = "sandbox-genesys-client")
            String sandboxClientId,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-secret", defaultValue = "sandbox-genesys-secret")
            String sandboxClientSecret) {
        this(clients, Clock.systemUTC(), Optional.of(GenesysDemo.demo(sandboxClientId, sandboxClientSecret)));
    }

    GenesysConnectorFactory(OidcClients clients, Clock clock) {
        this(clients, clock, Optional.empty());
    }

    private GenesysConnectorFactory(OidcClients clients, Clock clock, Optional<SandboxDemo> demo) {
        this.clients = clients;
        this.clock = clock;
        this.demo = demo;
    }

    @Override
    public Vendor vendor() {
        return new Vendor("genesys", "Genesys Cloud", SETTINGS, GenesysCapabilities.capabilities(), LIST_PRICES);
    }

    @Override
    public Optional<SandboxDemo> demo() {
        return demo;
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
        ClientCredentialsTokens.Client client = new ClientCredentialsTokens.Client("Genesys Cloud",
                URI.create(settings.loginBaseUrl() + "/oauth/token"), settings.clientId(), settings.clientSecret(),
                List.of(), true, settings.requestTimeout());
        GenesysSession session = new GenesysSession(
                new ClientCredentialsTokens(clients, client, "genesys-" + connectionId, clock),
                new GenesysCatalog.Listings());
        sessions.put(connectionId, new Shared(madeFor, session));
        return session;
    }
}
