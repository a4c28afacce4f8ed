package dev.patchbay.connector;

/** What a declared {@link Operation#DELETE} means at the vendor. */
public enum DeleteMode {
    /** The account is removed. */
    HARD_DELETE,
    /** The vendor keeps the account in a deleted state it can be restored from. */
    SOFT_DELETE
}
