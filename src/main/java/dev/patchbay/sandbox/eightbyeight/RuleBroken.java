package dev.patchbay.sandbox.eightbyeight;

/**
 * A change the customer's state refuses: shared by both APIs, which answer it in their own shapes (and
 * by asynchronous operations, which end FAILED with it).
 */
final class RuleBroken extends RuntimeException {

    enum Kind { NOT_FOUND, USERNAME_TAKEN, INVALID, SITE_IMMUTABLE, TOO_MANY_IN_FLIGHT }

    private final Kind kind;
    private final String field;

    RuleBroken(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    Kind kind() {
        return kind;
    }

    String field() {
        return field;
    }
}
