package dev.patchbay.sandbox.vbc;

/** A SCIM request the simulated VBC refuses: a status, an optional scimType and a detail. */
final class VbcScimRefusal extends RuntimeException {

    private final int status;
    private final String scimType;

    VbcScimRefusal(int status, String scimType, String detail) {
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
