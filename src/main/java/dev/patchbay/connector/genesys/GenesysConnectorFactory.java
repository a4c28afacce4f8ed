package dev.patchbay.connector.genesys;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.RateLimit;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Genesys Cloud connections: settings region (or apiBaseUrl and loginBaseUrl), clientId, clientSecret (and
 * up to three more clients), licenseTiers. One access token per OAuth client is shared by all of the
 * connection's calls; the budget is 300 calls a minute per client.
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
            Setting.of("clientId2", SettingType.STRING, "A second OAuth client of the org: Genesys limits calls per"
                    + " client (300 a minute each), so calls spread over the clients"),
            Setting.of("clientSecret2", SettingType.STRING, "The second OAuth client's secret").asSecret(),
            Setting.of("clientId3", SettingType.STRING, "A third OAuth client of the org"),
            Setting.of("clientSecret3", SettingType.STRING, "The third OAuth client's secret").asSecret(),
            Setting.of("clientId4", SettingType.STRING, "A fourth OAuth client of the org"),
            Setting.of("clientSecret4", SettingType.STRING, "The fourth OAuth client's secret").asSecret(),
            Setting.of("licenseTiers", SettingType.STRING_LIST,
                    "The org's license ids, lowest tier first").withDefault(GenesysSettings.DEFAULT_LICENSE_TIERS),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one HTTP call").withDefault(10)
                    .range(1, 300))
            .anyOf("region", "apiBaseUrl")
            .together("apiBaseUrl", "loginBaseUrl")
            .together("clientId2", "clientSecret2")
            .together("clientId3", "clientSecret3")
            .together("clientId4", "clientSecret4");

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

    /** How long the division of a user this gateway created or moved is taken as known. */
    private final Duration divisionsKeptFor;

    @Inject
    public GenesysConnectorFactory(OidcClients clients,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-id", defaultValue = "sandbox-genesys-client")
            String sandboxClientId,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-secret", defaultValue = "sandbox-genesys-secret")
            String sandboxClientSecret,
            @ConfigProperty(name = "patchbay.genesys.division-cache-ttl", defaultValue = "5m") Duration divisionsKeptFor) {
        this(clients, Clock.systemUTC(), Optional.of(GenesysDemo.demo(sandboxClientId, sandboxClientSecret)),
                divisionsKeptFor);
    }

    GenesysConnectorFactory(OidcClients clients, Clock clock) {
        this(clients, clock, Optional.empty(), GenesysCatalog.KEPT_FOR);
    }

    private GenesysConnectorFactory(OidcClients clients, Clock clock, Optional<SandboxDemo> demo,
            Duration divisionsKeptFor) {
        this.clients = clients;
        this.clock = clock;
        this.demo = demo;
        this.divisionsKeptFor = divisionsKeptFor;
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

    /** Calls a minute per OAuth client, each client counted on its own by Genesys. */
    static final int CALLS_PER_CLIENT_PER_MINUTE = 300;

    /** 300 calls a minute for each of the connection's OAuth clients. */
    @Override
    public RateLimit rateLimit(Map<String, Object> settings) {
        RateLimit declared = vendor().capabilities().rateLimit();
        int clientCount = 1;
        for (int number = 2; number <= GenesysSettings.MAX_CLIENTS; number++) {
            Object id = settings.get("clientId" + number);
            if (id != null && !id.toString().isBlank()) {
                clientCount++;
            }
        }
        return new RateLimit(List.of(new RateLimit.Window(CALLS_PER_CLIENT_PER_MINUTE * clientCount,
                Duration.ofMinutes(1))), declared.maxConcurrent(), declared.callsPerStep());
    }

    /** The connection's session, new when it points at another org, login or clients, or a secret changed. */
    private synchronized GenesysSession sessionFor(String connectionId, GenesysSettings settings) {
        StringBuilder madeFor = new StringBuilder(settings.apiBaseUrl() + "|" + settings.loginBaseUrl());
        settings.clients().forEach(client -> madeFor.append('|').append(client.id()).append('|')
                .append(Integer.toHexString(client.secret().hashCode())));
        Shared existing = sessions.get(connectionId);
        if (existing != null && existing.madeFor().equals(madeFor.toString())) {
            return existing.session();
        }
        if (existing != null) {
            existing.session().clients().close();
        }
        List<GenesysClients.Client> oauthClients = new ArrayList<>();
        for (int index = 0; index < settings.clients().size(); index++) {
            GenesysSettings.OAuthClient oauth = settings.clients().get(index);
            ClientCredentialsTokens.Client client = new ClientCredentialsTokens.Client("Genesys Cloud",
                    URI.create(settings.loginBaseUrl() + "/oauth/token"), oauth.id(), oauth.secret(),
                    List.of(), true, settings.requestTimeout());
            String name = "genesys-" + connectionId + (index == 0 ? "" : "-" + (index + 1));
            oauthClients.add(new GenesysClients.Client(oauth.id(),
                    new ClientCredentialsTokens(clients, client, name, clock)));
        }
        GenesysSession session = new GenesysSession(new GenesysClients(oauthClients, clock),
                new GenesysCatalog.Listings(divisionsKeptFor));
        sessions.put(connectionId, new Shared(madeFor.toString(), session));
        return session;
    }
}
