package dev.patchbay.sandbox.genesys;

/** A refusal in Genesys' ErrorBody shape: HTTP status, error code and message. */
final class GenesysFailure extends RuntimeException {

    private final int status;
    private final String code;

    GenesysFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static GenesysFailure badRequest(String message) {
        return new GenesysFailure(400, "bad.request", message);
    }

    static GenesysFailure notFound(String message) {
        return new GenesysFailure(404, "not.found", message);
    }

    static GenesysFailure conflict(String message) {
        return new GenesysFailure(409, "general.conflict", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
