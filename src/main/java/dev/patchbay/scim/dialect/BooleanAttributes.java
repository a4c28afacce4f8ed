package dev.patchbay.scim.dialect;

/** Which attributes are boolean; implemented elsewhere from the SCIM schemas. */
@FunctionalInterface
public interface BooleanAttributes {

    /**
     * path: "active", "emails.primary", "roles.primary",
     * "urn:ietf:params:scim:schemas:extension:patchbay:2.0:User:directoryVisible" — attribute names compared
     * case-insensitively.
     */
    boolean isBoolean(ResourceKind kind, String attributePath);
}
