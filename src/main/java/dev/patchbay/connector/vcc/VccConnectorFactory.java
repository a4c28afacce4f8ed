package dev.patchbay.connector.vcc;

import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.SandboxDemo;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SettingType;
import dev.patchbay.connector.SettingViolation;
import dev.patchbay.connector.SettingsSchema;
import dev.patchbay.connector.Vendor;
import dev.patchbay.connector.kit.ClientCredentialsTokens;
import dev.patchbay.connector.kit.SettingValues;
import io.quarkus.oidc.client.OidcClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vonage Contact Center connections. One access token (client credentials with scopes), one user listing
 * and one fair-use backoff per connection are shared by all of its calls.
 */
@ApplicationScoped
public class VccConnectorFactory implements ConnectorFactory {

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            Setting.of("region", SettingType.STRING, "The account's region: API at {region}.api.newvoicemedia.com,"
                    + " tokens at {region}.cc.vonage.com").oneOf(List.of("emea", "nam", "apac")),
            Setting.of("apiBaseUrl", SettingType.URL, "Base URL of the User Admin API (without /useradmin)"
                    + " instead of a region"),
            Setting.of("authBaseUrl", SettingType.URL, "Base URL of the token endpoint (without /Auth/connect/token)"
                    + " instead of a region"),
            Setting.of("clientId", SettingType.STRING, "API credential client id (VCC Admin Portal > API"
                    + " Credentials)").asRequired(),
            Setting.of("clientSecret", SettingType.STRING, "API credential client secret").asRequired().asSecret(),
            Setting.of("scopes", SettingType.STRING_LIST, "Scopes asked for with each token")
                    .withDefault(VccSettings.SCOPES),
            Setting.of("usernameTemplate", SettingType.STRING, "How an IdP userName becomes a VCC username:"
                    + " {userName}, {localPart} (before '@') and {domain} are filled in, then every character other"
                    + " than letters, digits and '_' becomes '_' (jane.doe@example.com → jane_doe_example_com)")
                    .withDefault("{userName}"),
            Setting.of("defaultRole", SettingType.STRING, "The VCC role of a user to whom the policy gives none")
                    .oneOf(VccRoles.RANK).withDefault("Agent"),
            Setting.of("allowOverages", SettingType.BOOLEAN, "Create agents beyond the licensed agent count"
                    + " (VCC bills the overage); off: a task to buy licences").withDefault(false),
            Setting.of("acceptArchiveInMultipleAccounts", SettingType.BOOLEAN, "Archive a user linked to several"
                    + " VCC accounts in all of them; off: a task").withDefault(false),
            Setting.of("telephonyRegions", SettingType.STRING_LIST, "The account's outbound telephony regions as"
                    + " name=GUID, so that policies name regions").withDefault(List.of()),
            Setting.object("agentDefaults", "Agent settings every agent gets: location (ISO country),"
                    + " capacityLive, capacityNonLive, capacitySemiLive, callbackNumberId", SettingsSchema.of(
                            Setting.of("location", SettingType.STRING, "The agent's location, e.g. GB"),
                            Setting.of("capacityLive", SettingType.INTEGER, "Live interaction capacity").range(0, 100),
                            Setting.of("capacityNonLive", SettingType.INTEGER, "Non-live capacity").range(0, 100),
                            Setting.of("capacitySemiLive", SettingType.INTEGER, "Semi-live capacity").range(0, 100),
                            Setting.of("callbackNumberId", SettingType.STRING, "The selected callback number"))),
            Setting.of("idpAuthoritative", SettingType.STRING_LIST, "Lists the IdP replaces whole (skills,"
                    + " agentGroups); otherwise entries added by hand in VCC are kept").withDefault(List.of()),
            Setting.of("managedSkills", SettingType.STRING_LIST, "Skills Patchbay takes away when the IdP no longer"
                    + " grants them (others added by hand stay)").withDefault(List.of()),
            Setting.of("managedAgentGroups", SettingType.STRING_LIST, "Agent groups Patchbay takes away when the IdP"
                    + " no longer grants them").withDefault(List.of()),
            Setting.of("listingCacheSeconds", SettingType.INTEGER, "How long find reuses the account's user listing"
                    + " (VCC cannot filter users)").withDefault(30).range(0, 3600),
            Setting.of("requestTimeoutSeconds", SettingType.INTEGER, "Timeout of one HTTP call").withDefault(10)
                    .range(1, 300))
            .anyOf("region", "apiBaseUrl")
            .together("apiBaseUrl", "authBaseUrl");

    private final OidcClients clients;
    private final Clock clock;
    private final Optional<SandboxDemo> demo;
    private final Map<String, Shared> sessions = new HashMap<>();

    private record Shared(String madeFor, VccSession session) {
    }

    @Inject
    public VccConnectorFactory(OidcClients clients,
            @ConfigProperty(name = "patchbay.sandbox.vcc.client-id", defaultValue = "sandbox-vcc-client")
            String sandboxClientId,
            @ConfigProperty(name = "patchbay.sandbox.vcc.client-secret", defaultValue = "sandbox-vcc-secret")
            String sandboxClientSecret) {
        this.clients = clients;
        this.clock = Clock.systemUTC();
        this.demo = Optional.of(VccDemo.demo(sandboxClientId, sandboxClientSecret));
    }

    @Override
    public Vendor vendor() {
        return new Vendor("vcc", "Vonage Contact Center", SETTINGS, VccCapabilities.capabilities());
    }

    @Override
    public Optional<SandboxDemo> demo() {
        return demo;
    }

    @Override
    public List<SettingViolation> validate(Map<String, Object> settings) {
        List<SettingViolation> problems = new ArrayList<>(SETTINGS.validate(settings));
        Object template = settings.get("usernameTemplate");
        if (template instanceof String text && !text.isBlank() && !VccUsernames.usable(text)) {
            problems.add(new SettingViolation("usernameTemplate", "must contain {userName} or {localPart}, or every"
                    + " user would get the same username"));
        }
        SettingValues values = SettingValues.of("Vonage Contact Center", settings);
        VccSettings.regionProblems(values.list("telephonyRegions", List.of()))
                .forEach(problem -> problems.add(new SettingViolation("telephonyRegions", problem)));
        for (String list : values.list("idpAuthoritative", List.of())) {
            if (!VccSettings.LISTS.contains(list)) {
                problems.add(new SettingViolation("idpAuthoritative", "'" + list + "' is not one of "
                        + String.join(", ", VccSettings.LISTS)));
            }
        }
        for (String scope : values.list("scopes", List.of())) {
            if (!VccSettings.SCOPES.contains(scope)) {
                problems.add(new SettingViolation("scopes", "'" + scope + "' is not a User Admin API scope ("
                        + String.join(", ", VccSettings.SCOPES) + ")"));
            }
        }
        return problems;
    }

    /** The provisioning choices a policy may make under its vendorOptions (they win over the connection's). */
    @Override
    public List<String> policyOptions() {
        return List.of("usernameTemplate", "defaultRole", "allowOverages", "acceptArchiveInMultipleAccounts",
                "agentDefaults", "idpAuthoritative", "managedSkills", "managedAgentGroups");
    }

    @Override
    public Connector connect(String connectionId, Map<String, Object> settings) {
        return new VccConnector(settings, parsed -> sessionFor(connectionId, parsed));
    }

    /** The connection's session, new when it points at another account or credential, or the secret changed. */
    private synchronized VccSession sessionFor(String connectionId, VccSettings settings) {
        String madeFor = settings.apiBaseUrl() + "|" + settings.authBaseUrl() + "|" + settings.clientId() + "|"
                + settings.scopes() + "|" + Integer.toHexString(settings.clientSecret().hashCode());
        Shared existing = sessions.get(connectionId);
        if (existing != null && existing.madeFor().equals(madeFor)) {
            return existing.session();
        }
        if (existing != null) {
            existing.session().tokens().close();
        }
        ClientCredentialsTokens.Client client = new ClientCredentialsTokens.Client(VccHttp.VENDOR,
                URI.create(settings.authBaseUrl() + "/Auth/connect/token"), settings.clientId(),
                settings.clientSecret(), settings.scopes(), false, settings.requestTimeout());
        VccSession session = new VccSession(new ClientCredentialsTokens(clients, client, "vcc-" + connectionId, clock),
                clock);
        sessions.put(connectionId, new Shared(madeFor, session));
        return session;
    }
}
