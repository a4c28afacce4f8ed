package dev.patchbay.sandbox.eightbyeight;

import java.util.List;

/** 8x8's {@code ErrorResponse}: {@code status, title, detail, errors[{field, code, message}]}. */
record AdminError(int status, String title, String detail, List<Item> errors) {

    record Item(String field, String code, String message) {
    }

    static AdminError of(int status, String code, String field, String message) {
        return new AdminError(status, title(status), null, List.of(new Item(field, code, message)));
    }

    static AdminError validation(List<Violation> violations) {
        return new AdminError(400, "Validation error", null, violations.stream()
                .map(v -> new Item(v.field(), "VALIDATION_ERROR", v.message())).toList());
    }

    static AdminError of(RuleBroken broken) {
        return switch (broken.kind()) {
            case NOT_FOUND -> of(404, "NOT_FOUND", null, broken.getMessage());
            case TOO_MANY_IN_FLIGHT -> tooManyRequests();
            case USERNAME_TAKEN, INVALID, SITE_IMMUTABLE ->
                    validation(List.of(new Violation(broken.field(), broken.getMessage())));
        };
    }

    static AdminError tooManyRequests() {
        return of(429, "TOO_MANY_REQUESTS", null, "Rate limit exceeded, please try again later");
    }

    /** The error code 8x8 uses for a status the sandbox was asked to fake. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 408 -> "REQUEST_TIMEOUT";
            case 409 -> "CONFLICT";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> "UNKNOWN";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
