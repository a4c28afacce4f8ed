package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.FaultQueue;
import dev.patchbay.sandbox.kit.FaultSchema;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Five9 fault queue: status, latency and timeout faults, and
 * {@code {"type":"soapFault","name":"ConcurrentModificationFault","message":"…"}}, which answers the next
 * request with that SOAP fault (HTTP 500) instead of running it.
 */
@ApplicationScoped
public class Five9Faults extends FaultQueue {

    static final String SOAP = "soap";
    static final String SOAP_FAULT = "soapFault";

    public Five9Faults() {
        super(FaultSchema.apis(SOAP).withType(SOAP_FAULT, fault -> {
            if (fault.name() == null || !Five9Fault.DECLARED.contains(fault.name())) {
                throw ControlRefusal.badRequest("name", "name must be one of " + String.join(", ", Five9Fault.DECLARED));
            }
            return fault.withMessage(fault.message() == null ? "Injected " + fault.name() : fault.message());
        }));
    }
}
