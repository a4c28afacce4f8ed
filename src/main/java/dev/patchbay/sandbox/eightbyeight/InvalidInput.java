package dev.patchbay.sandbox.eightbyeight;

import java.util.List;

/** A request body that breaks the vendor's schema; each API answers it in its own error shape. */
final class InvalidInput extends RuntimeException {

    private final transient List<Violation> violations;

    InvalidInput(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    List<Violation> violations() {
        return violations;
    }
}
