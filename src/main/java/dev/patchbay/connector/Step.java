package dev.patchbay.connector;

import java.util.Map;

/** One unit of vendor work the planner orders; a connector executes all but {@link RaiseTask} and {@link CreateByHand}. */
public sealed interface Step {

    /** Create the account with the fields the vendor takes at creation. */
    record Create(Seat seat) implements Step {
    }

    /** Change fields routed PATCH (partial) or REPLACE (read, merge, write back). */
    record Update(WriteRoute route, Map<SeatField, Object> changes) implements Step {
    }

    /** A follow-up call setting one field; a null value removes it. */
    record Apply(SeatField field, Object value) implements Step {
    }

    record Deactivate() implements Step {
    }

    record Reactivate() implements Step {
    }

    record Delete() implements Step {
    }

    /**
     * The account gives up the user's unique identity (8x8: a renamed userName) and stays deactivated,
     * so that a new account can be created for the user; it is no longer the user's account.
     */
    record Retire() implements Step {
    }

    /**
     * No vendor call: the vendor's API cannot create accounts, so a person creates this one from the
     * task; {@link Operation#FIND} then links the account it finds.
     */
    record CreateByHand(Seat seat, TaskTemplate template) implements Step {
    }

    /** No vendor call: a person must act (immutable change, billing cancellation, delete by hand). */
    record RaiseTask(TaskTemplate template, SeatField field, Object from, Object to) implements Step {
        public String reason() {
            return template.reasonFor(field, from, to);
        }
    }
}
