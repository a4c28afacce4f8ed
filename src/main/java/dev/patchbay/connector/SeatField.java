package dev.patchbay.connector;

/** The vendor-neutral attributes of a seat, each routed as a connector's capabilities declare. */
public enum SeatField {
    USER_NAME,
    EXTERNAL_ID,
    GIVEN_NAME,
    FAMILY_NAME,
    DISPLAY_NAME,
    EMAIL,
    PHONE,
    LICENSE,
    SITE,
    ROLES,
    DIRECTORY_VISIBLE,
    SKILLS,
    QUEUES,
    /** Vendor agent groups or campaigns (e.g. Five9). */
    AGENT_GROUPS,
    GROUPS,
    EXTENSION,
    TELEPHONY_REGION,
    DIVISION,
    /** A vendor template of settings a user belongs to at most one of (e.g. a Five9 user profile). */
    USER_PROFILE
}
