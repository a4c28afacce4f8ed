package dev.patchbay.connector;

import java.util.Optional;

/**
 * One vendor's API. Quirks are declared in {@link #capabilities()}, not decided by the caller.
 * Failures are {@link ConnectorException}s.
 */
public interface Connector {

    Capabilities capabilities();

    VendorRef create(Seat seat, CallContext context);

    Optional<Seat> read(VendorRef ref, CallContext context);

    /** An existing account for this user, so a retried create or a first sync adopts it. */
    Optional<VendorRef> find(MatchKey key, CallContext context);

    /** Executes an Update, Apply, Deactivate, Reactivate or Delete step. */
    void apply(VendorRef ref, Step step, CallContext context);

    Health check(CallContext context);

    /**
     * Whether the vendor shows the task done (a license freed, a user recreated at the new site); empty
     * when this connector cannot tell, and the task waits for a person to close it.
     */
    default Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        return Optional.empty();
    }
}
