package dev.patchbay.sandbox.vcc;

import dev.patchbay.sandbox.kit.FaultQueue;
import dev.patchbay.sandbox.kit.FaultSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The VCC fault queue: status, latency and timeout faults for the {@code useradmin} API or the {@code auth} token endpoint. */
@ApplicationScoped
public class VccFaults extends FaultQueue {

    static final String USER_ADMIN = "useradmin";
    static final String AUTH = "auth";

    public VccFaults() {
        super(FaultSchema.apis(USER_ADMIN, AUTH));
    }
}
