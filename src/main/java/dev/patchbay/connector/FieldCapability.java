package dev.patchbay.connector;

/**
 * What a vendor allows for one seat field: its mutability in RFC 7643 words ({@code immutable}: set at
 * creation, never changed), the route a change takes, whether the vendor refuses a create without it
 * ({@code requiredAtCreate}), and whether a value once set can never be taken back ({@code irreversible}:
 * setting it waits for an admin's approval), and whether the vendor picks a value when none is given
 * ({@code assignedWhenUnset}: VBC's extension a person chooses; the IdP sending none keeps the vendor's).
 */
public record FieldCapability(boolean immutable, WriteRoute route, boolean requiredAtCreate, boolean irreversible,
        boolean assignedWhenUnset) {

    public FieldCapability(boolean immutable, WriteRoute route, boolean requiredAtCreate, boolean irreversible) {
        this(immutable, route, requiredAtCreate, irreversible, false);
    }

    public FieldCapability(boolean immutable, WriteRoute route) {
        this(immutable, route, false, false);
    }

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

    /** Sent with the create call and never changed afterwards. */
    public static FieldCapability immutableAtCreate() {
        return new FieldCapability(true, WriteRoute.PATCH);
    }

    public FieldCapability required() {
        return new FieldCapability(immutable, route, true, irreversible, assignedWhenUnset);
    }

    public FieldCapability irreversibleOnceSet() {
        return new FieldCapability(immutable, route, requiredAtCreate, true, assignedWhenUnset);
    }

    /** The vendor (or the person doing the task) picks a value when the IdP gives none: no value is no change. */
    public FieldCapability vendorAssignedWhenUnset() {
        return new FieldCapability(immutable, route, requiredAtCreate, irreversible, true);
    }

    /** The RFC 7643 mutability word. */
    public String mutability() {
        return route == WriteRoute.DROP ? "readOnly" : immutable ? "immutable" : "readWrite";
    }
}
