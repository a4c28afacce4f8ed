package dev.patchbay.sandbox.eightbyeight;

/** A SCIM request refused with a status, an optional scimType and a detail. */
final class ScimFailure extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimFailure(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
