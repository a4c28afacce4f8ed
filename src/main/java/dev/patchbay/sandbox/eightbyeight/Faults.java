package dev.patchbay.sandbox.eightbyeight;

import dev.patchbay.sandbox.kit.Fault;
import dev.patchbay.sandbox.kit.FaultQueue;
import dev.patchbay.sandbox.kit.FaultSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The 8x8 fault queue: status, latency and timeout faults for the {@code scim} or {@code admin} API, and
 * {@code {"type":"operationFailure","message":"…"}}, which fails the next asynchronous Admin API operations.
 */
@ApplicationScoped
public class Faults extends FaultQueue {

    static final String SCIM = "scim";
    static final String ADMIN = "admin";
    private static final String OPERATION_FAILURE = "operationFailure";

    public Faults() {
        super(FaultSchema.apis(SCIM, ADMIN).withType(OPERATION_FAILURE, fault -> fault.withApi(ADMIN)
                .withMessage(fault.message() == null ? "Injected operation failure" : fault.message())));
    }

    Optional<Fault> nextForRequest(String api) {
        return take(fault -> !fault.is(OPERATION_FAILURE) && fault.appliesTo(api));
    }

    /** The failure message for the next operation, when a fault asks for one. */
    Optional<String> nextOperationFailure() {
        return take(fault -> fault.is(OPERATION_FAILURE)).map(Fault::message);
    }
}
