package dev.patchbay.sandbox.genesys;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** With {@code patchbay.sandbox.enabled=false} the simulator answers like a route that does not exist. */
public class GenesysEnabledFilter {

    static final String PREFIX = "/sandbox/genesys/";

    private final GenesysSettings settings;

    public GenesysEnabledFilter(GenesysSettings settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectWhenDisabled(UriInfo uriInfo) {
        if (!settings.enabled() && uriInfo.getPath().startsWith(PREFIX)) {
            throw new NotFoundException();
        }
    }
}
