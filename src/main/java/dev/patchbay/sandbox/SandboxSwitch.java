package dev.patchbay.sandbox;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Whether the vendor simulators under {@code /sandbox/} are served: {@code patchbay.sandbox.enabled}, or,
 * when unset, exactly when the database is embedded (a local try-out). When off, every simulator path
 * answers like a route that does not exist.
 */
public class SandboxSwitch {

    static final String PREFIX = "/sandbox/";

    private final boolean enabled;

    public SandboxSwitch(@ConfigProperty(name = "patchbay.sandbox.enabled") Optional<Boolean> configured,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embeddedDatabase) {
        this.enabled = enabled(configured, embeddedDatabase);
    }

    static boolean enabled(Optional<Boolean> configured, boolean embeddedDatabase) {
        return configured.orElse(embeddedDatabase);
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectWhenDisabled(UriInfo uriInfo) {
        if (!enabled && uriInfo.getPath().startsWith(PREFIX)) {
            throw new NotFoundException();
        }
    }
}
