package dev.patchbay.sandbox.vcc;

/** A refusal of the simulated User Admin API: an HTTP status and the {@code {"message":…}} body VCC answers with. */
final class VccFailure extends RuntimeException {

    private final int status;

    VccFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static VccFailure badRequest(String message) {
        return new VccFailure(400, message);
    }

    static VccFailure notFound(String message) {
        return new VccFailure(404, message);
    }

    int status() {
        return status;
    }
}
