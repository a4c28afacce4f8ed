package dev.patchbay.connector;

/** One step of a vendor's offboarding checklist, run in the declared order when a user is deactivated. */
public sealed interface OffboardingAction {

    /** Remove a field's value at the vendor first (queue memberships, the license). */
    record Clear(SeatField field) implements OffboardingAction {
    }

    /** Deactivate the account. */
    record Deactivate() implements OffboardingAction {
    }

    /** Ask a person to do what no API can (a billing cancellation). */
    record Task(TaskTemplate template) implements OffboardingAction {
    }
}
