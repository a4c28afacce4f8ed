package dev.patchbay.sandbox.kit;

/** A SCIM request a simulator refuses: a status, an optional scimType and a detail. */
public final class ScimRefusal extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimRefusal(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
