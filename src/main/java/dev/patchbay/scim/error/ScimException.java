package dev.patchbay.scim.error;

/** A SCIM request that must be answered with an RFC 7644 error. */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
