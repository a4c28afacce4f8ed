package dev.patchbay.sandbox.vbc;

import dev.patchbay.sandbox.kit.FaultQueue;
import dev.patchbay.sandbox.kit.FaultSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The VBC fault queue: status, latency and timeout faults for the {@code provisioning} API, the {@code token} endpoint or the {@code scim} API. */
@ApplicationScoped
public class VbcFaults extends FaultQueue {

    static final String PROVISIONING = "provisioning";
    static final String TOKEN = "token";
    static final String SCIM = "scim";

    public VbcFaults() {
        super(FaultSchema.apis(PROVISIONING, TOKEN, SCIM));
    }
}
