package dev.patchbay.sandbox.kit;

import java.util.List;

/** A control request the kit refuses: 400 (or 404) with a message and the fields at fault. */
public final class ControlRefusal extends RuntimeException {

    /** One field at fault; {@code field} is null when the body as a whole is wrong. */
    public record Violation(String field, String message) {
    }

    private final int status;
    private final List<Violation> violations;

    public ControlRefusal(int status, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public static ControlRefusal badRequest(String field, String message) {
        return new ControlRefusal(400, message, List.of(new Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
