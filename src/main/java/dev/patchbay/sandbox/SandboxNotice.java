package dev.patchbay.sandbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start-up whether the simulators are served, and on which interface the gateway listens. */
@ApplicationScoped
public class SandboxNotice {

    private static final Logger LOG = Logger.getLogger(SandboxNotice.class);

    void onStart(@Observes StartupEvent start,
            @ConfigProperty(name = "patchbay.sandbox.enabled") Optional<Boolean> configured,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "quarkus.http.host") Optional<String> host) {
        if (SandboxSwitch.enabled(configured, embeddedDatabase)) {
            LOG.infof("Vendor simulators are served under /sandbox/ (their _control endpoints take no"
                    + " credentials); listening on %s only unless quarkus.http.host says otherwise",
                    host.orElse("all interfaces"));
        }
    }
}
