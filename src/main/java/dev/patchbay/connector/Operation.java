package dev.patchbay.connector;

/**
 * What a connector can do at its vendor. The planner plans only declared operations: an undeclared one
 * becomes a follow-up task a person does (and the connector verifies where it can read the vendor).
 */
public enum Operation {
    CREATE,
    READ,
    /** Find an existing account by the matching keys (adoption, a retried create, a create done by hand). */
    FIND,
    /** Page through all the vendor's accounts (reconciliation, seat inventory). */
    LIST,
    UPDATE_PATCH,
    /** Read the account, merge the change, write it back whole. */
    UPDATE_REPLACE,
    /** Separate calls that set one field each (licenses, roles, skills, queues). */
    FOLLOW_UP,
    DEACTIVATE,
    REACTIVATE,
    DELETE,
    /** Give up an account's unique identity so that the user can be created anew (recreate on an immutable change). */
    RETIRE,
    /** Tell from the vendor whether a follow-up task is done. */
    VERIFY_TASK;

    /** The operation a step needs; empty for a task, which makes no vendor call. */
    public static java.util.Optional<Operation> of(Step step) {
        Operation operation = null;
        if (step instanceof Step.Create) {
            operation = CREATE;
        } else if (step instanceof Step.Update update) {
            operation = update.route() == WriteRoute.REPLACE ? UPDATE_REPLACE : UPDATE_PATCH;
        } else if (step instanceof Step.Apply) {
            operation = FOLLOW_UP;
        } else if (step instanceof Step.Deactivate) {
            operation = DEACTIVATE;
        } else if (step instanceof Step.Reactivate) {
            operation = REACTIVATE;
        } else if (step instanceof Step.Delete) {
            operation = DELETE;
        } else if (step instanceof Step.Retire) {
            operation = RETIRE;
        }
        return java.util.Optional.ofNullable(operation);
    }
}
