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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the sandbox on, keeps connections {@code demo-8x8} and {@code demo-genesys} wired to the
 * simulators of this very gateway, each with a demo policy, so that a newcomer can provision a user end
 * to end. Their SCIM tokens are {@code patchbay.demo.scim-token} and
 * {@code patchbay.demo.genesys-scim-token} when set, else generated once and printed.
 */
@ApplicationScoped
public class DemoConnections {

    static final String DEMO_8X8 = "demo-8x8";
    static final String DEMO_GENESYS = "demo-genesys";
    private static final Logger LOG = Logger.getLogger(DemoConnections.class);
    static final String DEMO_8X8_POLICY = """
            {"licenseOrder": ["X2", "X4", "X6"],
             "groupRules": [{"group": "8x8 Users", "precedence": 10, "license": "X4", "site": "London",
                             "directoryVisible": true}],
             "offboarding": {"onDelete": "deactivate", "removeLicense": true},
             "prices": {"currency": "USD", "licenses": {"X2": 24, "X4": 44, "X6": 57}}}""";
    static final String DEMO_GENESYS_POLICY = """
            {"licenseOrder": ["cx1", "cx2", "cx3", "cx4"],
             "groupRules": [
               {"group": "Support Agents", "precedence": 10, "license": "cx1", "roles": ["Agent"],
                "queues": ["Support"], "skills": {"Technical": 3}, "division": "Support"},
               {"group": "Support Supervisors", "precedence": 20, "license": "cx2",
                "roles": ["Agent", "Supervisor"], "queues": ["Support", "Escalations"], "division": "Support"}],
             "offboarding": {"onDelete": "delete"}}""";

    /** One demo connection: what it is called, where it points, its policy and its configured token. */
    private record Demo(String id, String vendor, String displayName, Map<String, Object> settings, String policy,
            Optional<String> configuredToken) {
    }

    private final ConnectionService connections;
    private final ScimTokenService tokens;
    private final PolicyStore policies;
    private final ObjectMapper objectMapper;
    private final boolean sandboxEnabled;
    private final List<Demo> demos;

    public DemoConnections(ConnectionService connections, ScimTokenService tokens, PolicyStore policies,
            ObjectMapper objectMapper,
            @ConfigProperty(name = "patchbay.sandbox.enabled") Optional<Boolean> configuredSandbox,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "patchbay.demo.scim-token") Optional<String> eightByEightToken,
            @ConfigProperty(name = "patchbay.demo.genesys-scim-token") Optional<String> genesysToken,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.customer-id", defaultValue = "0012J00042NkZQIQA3") String customerId,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.scim-token", defaultValue = "sandbox-8x8-scim-token") String scimToken,
            @ConfigProperty(name = "patchbay.sandbox.eightbyeight.api-key", defaultValue = "eght_sandbox_api_key") String apiKey,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-id", defaultValue = "sandbox-genesys-client") String genesysClientId,
            @ConfigProperty(name = "patchbay.sandbox.genesys.client-secret", defaultValue = "sandbox-genesys-secret") String genesysClientSecret) {
        this.connections = connections;
        this.tokens = tokens;
        this.policies = policies;
        this.objectMapper = objectMapper;
        this.sandboxEnabled = configuredSandbox.orElse(embeddedDatabase);
        // Tests serve on the test port; the sandbox is reached on whichever port this instance listens.
        int port = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST ? testPort : httpPort;
        String sandbox = "http://127.0.0.1:" + port + "/sandbox";

        Map<String, Object> eightByEight = new LinkedHashMap<>();
        eightByEight.put("scimBaseUrl", sandbox + "/8x8/udi/customers/" + customerId + "/scim/v2");
        eightByEight.put("scimToken", scimToken);
        eightByEight.put("adminBaseUrl", sandbox + "/8x8/admin-provisioning");
        eightByEight.put("apiKey", apiKey);
        eightByEight.put("realConnector", true);

        Map<String, Object> genesys = new LinkedHashMap<>();
        genesys.put("apiBaseUrl", sandbox + "/genesys");
        genesys.put("loginBaseUrl", sandbox + "/genesys");
        genesys.put("clientId", genesysClientId);
        genesys.put("clientSecret", genesysClientSecret);
        genesys.put("realConnector", true);

        this.demos = List.of(
                new Demo(DEMO_8X8, "eightbyeight", "Demo: 8x8 sandbox", eightByEight, DEMO_8X8_POLICY,
                        eightByEightToken.filter(token -> !token.isBlank())),
                new Demo(DEMO_GENESYS, "genesys", "Demo: Genesys Cloud sandbox", genesys, DEMO_GENESYS_POLICY,
                        genesysToken.filter(token -> !token.isBlank())));
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!sandboxEnabled) {
            return;
        }
        for (Demo demo : demos) {
            wire(demo);
        }
    }

    private void wire(Demo demo) throws Exception {
        if (connections.find(demo.id()).isPresent()) {
            // The port may have changed since the last start: point the demo at this one.
            connections.update(demo.id(), new UpdateConnection(null, null, demo.displayName(), demo.settings()));
            ensureConfiguredToken(demo);
            return;
        }
        connections.create(new CreateConnection(demo.id(), demo.vendor(), demo.displayName(), demo.settings()));
        policies.save(demo.id(), objectMapper.readValue(demo.policy(), PolicyDocument.class));
        if (demo.configuredToken().isPresent()) {
            ensureConfiguredToken(demo);
        } else {
            String secret = tokens.issue(demo.id(), "demo", null).secret();
            LOG.warnf("Demo connection %s is wired to the sandbox. Its SCIM token, shown once: %s", demo.id(), secret);
        }
    }

    /** The configured demo token works on its connection (added once, kept across restarts). */
    private void ensureConfiguredToken(Demo demo) {
        if (demo.configuredToken().isEmpty()) {
            return;
        }
        if (tokens.authenticate(demo.id(), demo.configuredToken().get()).isEmpty()) {
            tokens.issueWithSecret(demo.id(), "demo (configured)", demo.configuredToken().get());
        }
    }
}
