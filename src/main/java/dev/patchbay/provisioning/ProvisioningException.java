package dev.patchbay.provisioning;

/** A request the IdP view cannot take; the API layer turns each kind into its own error. */
public class ProvisioningException extends RuntimeException {

    public enum Kind { NOT_FOUND, UNIQUENESS, VERSION_MISMATCH, INVALID_MEMBER }

    private final Kind kind;

    public ProvisioningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ProvisioningException notFound(String resourceType, Object id) {
        return new ProvisioningException(Kind.NOT_FOUND, resourceType + " " + id + " not found");
    }

    public static ProvisioningException versionMismatch(long current) {
        return new ProvisioningException(Kind.VERSION_MISMATCH,
                "The resource was modified: its current version is W/\"" + current + "\"");
    }
}
