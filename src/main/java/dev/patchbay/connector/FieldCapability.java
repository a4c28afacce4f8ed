package dev.patchbay.connector;

/**
 * What a vendor allows for one seat field: its mutability in RFC 7643 words ({@code immutable}: set at
 * creation, never changed), and the route a change takes.
 */
public record FieldCapability(boolean immutable, WriteRoute route) {

    public static FieldCapability patch() {
        return new FieldCapability(false, WriteRoute.PATCH);
    }

    public static FieldCapability replace() {
        return new FieldCapability(false, WriteRoute.REPLACE);
    }

    public static FieldCapability followUp() {
        return new FieldCapability(false, WriteRoute.FOLLOW_UP);
    }

    public static FieldCapability drop() {
        return new FieldCapability(false, WriteRoute.DROP);
    }

    /** Sent with the create call and never changed afterwards (8x8's site). */
    public static FieldCapability immutableAtCreate() {
        return new FieldCapability(true, WriteRoute.PATCH);
    }
}
