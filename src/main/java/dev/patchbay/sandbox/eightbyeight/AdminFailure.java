package dev.patchbay.sandbox.eightbyeight;

/** An Admin API request refused with a ready ErrorResponse. */
final class AdminFailure extends RuntimeException {

    private final transient AdminError error;

    AdminFailure(AdminError error) {
        super(error.errors().isEmpty() ? error.title() : error.errors().get(0).message(), null, false, false);
        this.error = error;
    }

    AdminError error() {
        return error;
    }
}
