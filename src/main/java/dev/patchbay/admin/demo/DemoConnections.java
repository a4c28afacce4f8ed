package dev.patchbay.admin.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionPayloads.CreateConnection;
import dev.patchbay.admin.ConnectionPayloads.UpdateConnection;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.security.ScimTokenService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the sandbox on, keeps a connection {@code demo-8x8} wired to the 8x8 sandbox of this very
 * gateway, with a demo policy, so that a newcomer can provision a user end to end. Its SCIM token is
 * {@code patchbay.demo.scim-token} when set, else generated once and printed.
 */
@ApplicationScoped
public class DemoConnections {

    static final String DEMO_8X8 = "demo-8x8";
    private static final Logger LOG = Logger.getLogger(DemoConnections.class);
    static final String DEMO_POLICY = """
            {"licenseOrder": ["X2", "X4", "X6"],
             "groupRules": [{"group": "8x8 Users", "precedence": 10, "license": "X4", "site": "London",
                             "directoryVisible": true}],
             "offboarding": {"onDelete": "deactivate", "removeLicense": true},
             "prices": {"currency": "USD", "licenses": {"X2": 24, "X4": 44, "X6": 57}}}""";

    private final ConnectionService connections;
    private final ScimTokenService tokens;
    private final PolicyStore policies;
    private final ObjectMapper objectMapper;
    private final boolean sandboxEnabled;
    private final Optional<String> configuredToken;
    private final int httpPort;
    private final String customerId;
    private final String scimToken;
    private final String apiKey;

    public DemoConnections(ConnectionService connections, ScimTokenService tokens, PolicyStore policies,
            ObjectMapper objectMapper,
            @ConfigProperty(name = "patchbay.sandbox.enabled") Optional<Boolean> configuredSandbox,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "patchbay.demo.scim-token") Optional<String> configuredToken,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.customer-id", defaultValue = "0012J00042NkZQIQA3") String customerId,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.scim-token", defaultValue = "sandbox-8x8-scim-token") String scimToken,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.api-key", defaultValue = "eght_sandbox_api_key") String apiKey) {
        this.connections = connections;
        this.tokens = tokens;
        this.policies = policies;
        this.objectMapper = objectMapper;
        this.sandboxEnabled = configuredSandbox.orElse(embeddedDatabase);
        this.configuredToken = configuredToken.filter(token -> !token.isBlank());
        // Tests serve on the test port; the sandbox is reached on whichever port this instance listens.
        this.httpPort = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST ? testPort : httpPort;
        this.customerId = customerId;
        this.scimToken = scimToken;
        this.apiKey = apiKey;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!sandboxEnabled) {
            return;
        }
        Map<String, Object> settings = sandboxSettings();
        if (connections.find(DEMO_8X8).isPresent()) {
            // The port may have changed since the last start: point the demo at this one.
            connections.update(DEMO_8X8, new UpdateConnection(null, null, "Demo: 8x8 sandbox", settings));
            ensureConfiguredToken();
            return;
        }
        connections.create(new CreateConnection(DEMO_8X8, "eightbyeight", "Demo: 8x8 sandbox", settings));
        policies.save(DEMO_8X8, objectMapper.readValue(DEMO_POLICY, PolicyDocument.class));
        if (configuredToken.isPresent()) {
            ensureConfiguredToken();
        } else {
            String secret = tokens.issue(DEMO_8X8, "demo", null).secret();
            LOG.warnf("Demo connection %s is wired to the 8x8 sandbox. Its SCIM token, shown once: %s",
                    DEMO_8X8, secret);
        }
    }

    private Map<String, Object> sandboxSettings() {
        String sandbox = "http://127.0.0.1:" + httpPort + "/sandbox/8x8";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scimBaseUrl", sandbox + "/udi/customers/" + customerId + "/scim/v2");
        settings.put("scimToken", scimToken);
        settings.put("adminBaseUrl", sandbox + "/admin-provisioning");
        settings.put("apiKey", apiKey);
        settings.put("realConnector", true);
        return settings;
    }

    /** The configured demo token works on demo-8x8 (added once, kept across restarts). */
    private void ensureConfiguredToken() {
        if (configuredToken.isEmpty() || connections.find(DEMO_8X8).isEmpty()) {
            return;
        }
        if (tokens.authenticate(DEMO_8X8, configuredToken.get()).isEmpty()) {
            tokens.issueWithSecret(DEMO_8X8, "demo (configured)", configuredToken.get());
        }
    }

}
