package dev.patchbay.sandbox.genesys;

import dev.patchbay.sandbox.kit.FaultQueue;
import dev.patchbay.sandbox.kit.FaultSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The Genesys fault queue: status, latency and timeout faults for the Platform {@code api} or the {@code oauth} token endpoint. */
@ApplicationScoped
public class GenesysFaults extends FaultQueue {

    static final String API = "api";
    static final String OAUTH = "oauth";

    public GenesysFaults() {
        super(FaultSchema.apis(API, OAUTH));
    }
}
