package dev.patchbay.connector;

/** What deleting a user means at the vendor. */
public enum DeleteMode {
    /** The account is removed. */
    HARD_DELETE,
    /** The vendor keeps the account in a deleted state it can be restored from. */
    SOFT_DELETE,
    /** The vendor cannot delete through its API: the account is deactivated and a task asks a person. */
    DEACTIVATE_ONLY
}
