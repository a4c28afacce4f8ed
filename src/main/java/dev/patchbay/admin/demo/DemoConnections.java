package dev.patchbay.admin.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.admin.ConnectionPayloads.CreateConnection;
import dev.patchbay.admin.ConnectionPayloads.UpdateConnection;
import dev.patchbay.admin.ConnectionService;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.SandboxDemo;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.security.ScimTokenService;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With the sandbox on, keeps each vendor's demo connection ({@code demo-8x8}, {@code demo-genesys}, …: the
 * vendor package says which) wired to the simulators of this very gateway, with its demo policy, so that a
 * newcomer can provision a user end to end. A demo's SCIM token is the value of its token property when
 * set, else generated once and printed.
 */
@ApplicationScoped
public class DemoConnections {

    private static final Logger LOG = Logger.getLogger(DemoConnections.class);

    private final ConnectionService connections;
    private final ScimTokenService tokens;
    private final PolicyStore policies;
    private final ObjectMapper objectMapper;
    private final ConnectorRegistry vendors;
    private final Config config;
    private final boolean sandboxEnabled;
    private final String sandboxBaseUrl;

    public DemoConnections(ConnectionService connections, ScimTokenService tokens, PolicyStore policies,
            ObjectMapper objectMapper, ConnectorRegistry vendors, Config config,
            @ConfigProperty(name = "patchbay.sandbox.enabled") Optional<Boolean> configuredSandbox,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        this.connections = connections;
        this.tokens = tokens;
        this.policies = policies;
        this.objectMapper = objectMapper;
        this.vendors = vendors;
        this.config = config;
        this.sandboxEnabled = configuredSandbox.orElse(embeddedDatabase);
        // Tests serve on the test port; the sandbox is reached on whichever port this instance listens.
        int port = LaunchMode.current() == LaunchMode.TEST ? testPort : httpPort;
        this.sandboxBaseUrl = "http://127.0.0.1:" + port + "/sandbox";
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!sandboxEnabled) {
            return;
        }
        for (ConnectorFactory factory : vendors.factories()) {
            if (factory.demo().isPresent()) {
                wire(factory.vendor().id(), factory.demo().get());
            }
        }
    }

    private void wire(String vendor, SandboxDemo demo) throws Exception {
        Optional<String> configuredToken = config.getOptionalValue(demo.tokenProperty(), String.class)
                .filter(token -> !token.isBlank());
        if (connections.find(demo.connectionId()).isPresent()) {
            // The port may have changed since the last start: point the demo at this one.
            connections.update(demo.connectionId(), new UpdateConnection(null, null, demo.displayName(),
                    demo.settings().apply(sandboxBaseUrl)));
            ensureConfiguredToken(demo, configuredToken);
            return;
        }
        connections.create(new CreateConnection(demo.connectionId(), vendor, demo.displayName(),
                demo.settings().apply(sandboxBaseUrl)));
        policies.save(demo.connectionId(), objectMapper.readValue(demo.policyJson(), PolicyDocument.class));
        if (configuredToken.isPresent()) {
            ensureConfiguredToken(demo, configuredToken);
        } else {
            String secret = tokens.issue(demo.connectionId(), "demo", null).secret();
            LOG.warnf("Demo connection %s is wired to the sandbox. Its SCIM token, shown once: %s",
                    demo.connectionId(), secret);
        }
    }

    /** The configured demo token works on its connection (added once, kept across restarts). */
    private void ensureConfiguredToken(SandboxDemo demo, Optional<String> configuredToken) {
        if (configuredToken.isPresent() && tokens.authenticate(demo.connectionId(), configuredToken.get()).isEmpty()) {
            tokens.issueWithSecret(demo.connectionId(), "demo (configured)", configuredToken.get());
        }
    }
}
