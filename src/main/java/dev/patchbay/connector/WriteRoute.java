package dev.patchbay.connector;

/** How a connector writes one seat field after the account exists. */
public enum WriteRoute {
    /** A partial update of just the changed fields. */
    PATCH,
    /** Read the account, merge the change, write the whole account back (e.g. 8x8 SCIM PUT). */
    REPLACE,
    /** A separate call after the account exists (licenses, roles, skills, queues). */
    FOLLOW_UP,
    /** The vendor has no place for it; it is not sent. */
    DROP
}
