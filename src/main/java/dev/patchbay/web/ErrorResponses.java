package dev.patchbay.web;

import dev.patchbay.web.ApiError;
import dev.patchbay.scim.error.ScimError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Answers an error in the body format of the API the request was for: SCIM or admin. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static boolean isScim(String path) {
        return path != null && path.startsWith("/scim/");
    }

    static Response of(String path, int status, String scimType, String adminCode, String message) {
        return isScim(path)
                ? ScimError.response(status, scimType, message)
                : ApiError.response(status, adminCode, message);
    }

    static Response of(String path, int status, String scimType, String adminCode, String message,
            List<ApiError.Violation> violations) {
        return isScim(path)
                ? ScimError.response(status, scimType, message)
                : ApiError.response(status, adminCode, message, violations);
    }
}
