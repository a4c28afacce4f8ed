package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.sandbox.kit.Fault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every Admin API request passes through, in order: injected faults, the {@code x-api-key}, the
 * rate limit, then the endpoint. It adds {@code X-Response-Id} and the {@code x-ratelimit-*} headers and
 * turns refusals into 8x8's ErrorResponse.
 */
@ApplicationScoped
public class AdminGate {

    static final String API_KEY = "x-api-key";

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final Faults faults;
    private final AdminRateLimiter limiter;
    private final ObjectMapper mapper;

    public AdminGate(SandboxSettings settings, SandboxClock clock, Faults faults, AdminRateLimiter limiter,
            ObjectMapper mapper) {
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.limiter = limiter;
        this.mapper = mapper;
    }

    Uni<Response> handle(HttpHeaders headers, UriInfo uri, Supplier<Response.ResponseBuilder> endpoint) {
        String path = uri.getPath();
        String key = headers.getHeaderString(API_KEY);
        boolean authenticated = settings.apiKey().equals(key);
        Optional<Fault> fault = faults.nextForRequest(Faults.ADMIN);
        long delayMillis = 0;
        Response.ResponseBuilder response;
        AdminRateLimiter.Decision decision = null;
        if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
            Fault status = fault.get();
            response = error(AdminError.of(status.status(), AdminError.codeFor(status.status()), null,
                    status.status() == 429 ? "Rate limit exceeded, please try again later"
                            : Optional.ofNullable(status.message()).orElse("Injected failure")), path);
            if (status.retryAfterSeconds() != null) {
                response.header("Retry-After", status.retryAfterSeconds());
            }
            decision = authenticated ? limiter.peek(key) : null;
        } else if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            delayMillis = settings.timeoutMs();
            response = error(AdminError.of(408, "REQUEST_TIMEOUT", null, "Request to downstream service timed out"),
                    path);
        } else {
            delayMillis = fault.map(Fault::millis).orElse(0L);
            if (!authenticated) {
                response = error(AdminError.of(401, "UNAUTHORIZED", null,
                        key == null ? "Missing API key" : "Invalid API key"), path);
            } else {
                decision = limiter.acquire(key);
                response = decision.allowed() ? run(endpoint, path) : error(AdminError.tooManyRequests(), path);
            }
        }
        if (decision != null) {
            response.header("x-ratelimit-limit", decision.limit())
                    .header("x-ratelimit-remaining", decision.remaining())
                    .header("x-ratelimit-reset", decision.resetEpochSeconds());
        }
        String requestId = headers.getHeaderString("X-Request-Id");
        response.header("X-Response-Id", requestId == null || requestId.isBlank()
                ? UUID.randomUUID().toString() : requestId);
        Uni<Response> answer = Uni.createFrom().item(response.build());
        return delayMillis > 0 ? answer.onItem().delayIt().by(Duration.ofMillis(delayMillis)) : answer;
    }

    /** 415 unless the body is sent as {@code application/vnd.users.v1+json}. */
    static void requireUsersMediaType(HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!type.equalsIgnoreCase(AdminApiResource.USERS_TYPE)) {
            throw new AdminFailure(AdminError.of(415, "BAD_REQUEST", null, "Content type '"
                    + (contentType == null ? "" : contentType) + "' not supported; use "
                    + AdminApiResource.USERS_TYPE));
        }
    }

    Response.ResponseBuilder json(int status, String mediaType, JsonNode body) {
        try {
            return Response.status(status).type(mediaType).entity(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response.ResponseBuilder run(Supplier<Response.ResponseBuilder> endpoint, String path) {
        try {
            return endpoint.get();
        } catch (AdminFailure failure) {
            return error(failure.error(), path);
        } catch (InvalidInput invalid) {
            return invalid.violations().size() == 1 && invalid.violations().get(0).field() == null
                    ? error(AdminError.of(400, "BAD_REQUEST", null, invalid.getMessage()), path)
                    : error(AdminError.validation(invalid.violations()), path);
        } catch (RuleBroken broken) {
            return error(AdminError.of(broken), path);
        }
    }

    private Response.ResponseBuilder error(AdminError error, String path) {
        return json(error.status(), MediaType.APPLICATION_JSON, AdminJson.error(error, path, clock.now()));
    }
}
