package dev.patchbay.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.scim.error.ScimError;
import dev.patchbay.web.ApiError;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} (by its Content-Length) and a request
 * line longer than {@code patchbay.http.max-uri-length} with 413 / 414 and the error body of the API the
 * request was for. Runs before Quarkus' own upload limit, which would answer 413 with no body; the HTTP
 * server's line limit is set higher so that this check sees the long lines first.
 */
@ApplicationScoped
public class OversizedRequests {

    /** Just before Quarkus' upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;

    private final ObjectMapper objectMapper;
    private final long maxBodyBytes;
    private final int maxUriLength;

    public OversizedRequests(ObjectMapper objectMapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "patchbay.http.max-uri-length", defaultValue = "16384") int maxUriLength) {
        this.objectMapper = objectMapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            refuse(context, 414, "The request URI is " + uri.length() + " characters long; at most " + maxUriLength
                    + " are accepted");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(context, 413, "The request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        context.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }

    /** The body is not read, so the connection closes after the answer (as Quarkus' own limit does). */
    private void refuse(RoutingContext context, int status, String message) {
        boolean scim = context.request().path() != null && context.request().path().startsWith("/scim/");
        Object body = scim ? ScimError.of(status, null, message) : new ApiError(status, errorCode(status), message, List.of());
        String json;
        try {
            json = objectMapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, scim ? ScimError.MEDIA_TYPE : "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store")
                .endHandler(ignored -> context.request().connection().close())
                .end(json);
    }

    /** The code the admin error mapper gives any other status: the status name in lower case. */
    private static String errorCode(int status) {
        return jakarta.ws.rs.core.Response.Status.fromStatusCode(status).name().toLowerCase(java.util.Locale.ROOT);
    }
}
