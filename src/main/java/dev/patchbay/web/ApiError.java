package dev.patchbay.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The error body of the admin API (every API but SCIM): a status, a short code, a message and, for bad input, each violation. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public static Response response(int status, String error, String message) {
        return response(status, error, message, List.of());
    }

    public static Response response(int status, String error, String message, List<Violation> violations) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status, error, message, violations));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patchbay-admin\"");
        }
        return builder.build();
    }
}
