package dev.patchbay.throttle;

import dev.patchbay.scim.error.ScimError;
import dev.patchbay.web.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 429 answer, in the error format of the API that was called, with {@code Retry-After} in seconds. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Response response(String path, long nanosToWait, String detail) {
        long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        Response base = path.startsWith("/scim/")
                ? ScimError.response(429, null, detail + "; retry after " + seconds + " s")
                : ApiError.response(429, "too_many_requests", detail + "; retry after " + seconds + " s");
        return Response.fromResponse(base).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
