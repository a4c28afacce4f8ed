package dev.patchbay.admin;

import java.util.List;

/** An admin API request that must be answered with an {@link AdminError}. */
public class AdminException extends RuntimeException {

    private final int status;
    private final String error;
    private final List<AdminError.Violation> violations;

    public AdminException(int status, String error, String message) {
        this(status, error, message, List.of());
    }

    public AdminException(int status, String error, String message, List<AdminError.Violation> violations) {
        super(message);
        this.status = status;
        this.error = error;
        this.violations = violations;
    }

    public static AdminException notFound(String message) {
        return new AdminException(404, "not_found", message);
    }

    public static AdminException invalid(String field, String message) {
        return new AdminException(400, "invalid_request", "The request is invalid: " + field + " " + message,
                List.of(new AdminError.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<AdminError.Violation> violations() {
        return violations;
    }
}
