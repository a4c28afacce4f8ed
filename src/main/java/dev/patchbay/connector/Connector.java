package dev.patchbay.connector;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One vendor's API for one connection. What it can do is declared in its vendor's {@link Capabilities},
 * never discovered by calling: the engine calls only declared {@link Operation}s, and a connector refuses
 * an undeclared one with {@link ConnectorException.Rejected}. Failures are {@link ConnectorException}s.
 */
public interface Connector {

    /** {@link Operation#CREATE}. */
    VendorRef create(Seat seat, CallContext context);

    /** {@link Operation#READ}: the account as the vendor holds it. */
    Optional<Seat> read(VendorRef ref, CallContext context);

    /** {@link Operation#FIND}: an existing account for this user, so a retried create or a first sync adopts it. */
    Optional<VendorRef> find(MatchKey key, CallContext context);

    /**
     * Executes an Update ({@link Operation#UPDATE_PATCH} or {@link Operation#UPDATE_REPLACE}), Apply
     * ({@link Operation#FOLLOW_UP}), Deactivate, Reactivate, Delete or Retire step.
     */
    void apply(VendorRef ref, Step step, CallContext context);

    Health check(CallContext context);

    /**
     * {@link Operation#LIST}: the page of the vendor's accounts that {@code cursor} points at (null: the
     * first), about {@code pageSize} of them, paged the way the vendor documents.
     */
    default AccountPage list(String cursor, int pageSize, CallContext context) {
        throw undeclared(getClass().getSimpleName(), Operation.LIST);
    }

    /**
     * {@link Operation#VERIFY_TASK}: whether the vendor shows the task done (a license freed, a user
     * recreated at the new site); empty when this connector cannot tell, and the task waits for a person.
     */
    default Optional<Boolean> isDone(VendorRef ref, TaskCheck task, CallContext context) {
        return Optional.empty();
    }

    /**
     * The names the vendor knows, per field (licenses, roles, skills, queues, divisions), so that a policy
     * naming one the vendor lacks is refused when it is saved; empty for fields it cannot list.
     */
    default Map<SeatField, Set<String>> catalogue(CallContext context) {
        return Map.of();
    }

    /**
     * Sets a {@link Capabilities#batched} follow-up field for many users in as few calls as the vendor
     * allows. Each user's outcome is its own: the failures by item id (an item absent from the answer
     * went through), so that a partial failure retries only the users it failed for. A failure of the
     * whole call is thrown.
     */
    default Map<Long, ConnectorException> applyBatch(SeatField field, java.util.List<BatchItem> items,
            CallContext context) {
        throw new ConnectorException.Rejected("this connector sets " + field + " one user at a time");
    }

    /** The refusal of an operation the vendor's capabilities do not declare. */
    static ConnectorException.Rejected undeclared(String vendor, Operation operation) {
        return new ConnectorException.Rejected(vendor + " does not support " + operation.name().toLowerCase()
                + " through its API");
    }
}
