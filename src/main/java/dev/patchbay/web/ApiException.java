package dev.patchbay.web;

import java.util.List;

/** A non-SCIM API request that must be answered with an {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final List<ApiError.Violation> violations;

    public ApiException(int status, String error, String message) {
        this(status, error, message, List.of());
    }

    public ApiException(int status, String error, String message, List<ApiError.Violation> violations) {
        super(message);
        this.status = status;
        this.error = error;
        this.violations = violations;
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_request", "The request is invalid: " + field + " " + message,
                List.of(new ApiError.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<ApiError.Violation> violations() {
        return violations;
    }
}
