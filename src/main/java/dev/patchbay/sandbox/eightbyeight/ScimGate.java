package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.sandbox.kit.Fault;
import dev.patchbay.sandbox.kit.ScimRefusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every 8x8 SCIM request passes through: injected faults, the bearer token, the customer id of
 * the URL, then the endpoint; refusals become SCIM errors. 8x8 publishes no SCIM rate limit, so there
 * is none here.
 */
@ApplicationScoped
public class ScimGate {

    static final String SCIM_JSON = "application/scim+json";

    private final SandboxSettings settings;
    private final Faults faults;
    private final ObjectMapper mapper;

    public ScimGate(SandboxSettings settings, Faults faults, ObjectMapper mapper) {
        this.settings = settings;
        this.faults = faults;
        this.mapper = mapper;
    }

    Uni<Response> handle(HttpHeaders headers, String customerId, Supplier<Response.ResponseBuilder> endpoint) {
        Optional<Fault> fault = faults.nextForRequest(Faults.SCIM);
        long delayMillis = 0;
        Response.ResponseBuilder response;
        if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
            Fault status = fault.get();
            response = error(status.status(), null, status.status() == 429 ? "Too many requests"
                    : Optional.ofNullable(status.message()).orElse("Injected failure"));
            if (status.retryAfterSeconds() != null) {
                response.header("Retry-After", status.retryAfterSeconds());
            }
        } else if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            delayMillis = settings.timeoutMs();
            response = error(408, null, "Request to downstream service timed out");
        } else {
            delayMillis = fault.map(Fault::millis).orElse(0L);
            response = authorizedRun(headers, customerId, endpoint);
        }
        Uni<Response> answer = Uni.createFrom().item(response.build());
        return delayMillis > 0 ? answer.onItem().delayIt().by(Duration.ofMillis(delayMillis)) : answer;
    }

    Response.ResponseBuilder json(int status, JsonNode body) {
        try {
            return Response.status(status).type(SCIM_JSON).entity(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response.ResponseBuilder authorizedRun(HttpHeaders headers, String customerId,
            Supplier<Response.ResponseBuilder> endpoint) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !authorization.substring(7).trim().equals(settings.scimToken())) {
            return error(401, null, "Missing or invalid bearer token");
        }
        if (!settings.customerId().equals(customerId)) {
            return error(404, null, "Customer not found: " + customerId);
        }
        try {
            return endpoint.get();
        } catch (ScimRefusal failure) {
            return error(failure.status(), failure.scimType(), failure.getMessage());
        } catch (InvalidInput invalid) {
            Violation first = invalid.violations().get(0);
            if (first.field() == null) {
                return error(400, "invalidSyntax", first.message());
            }
            String detail = first.message().startsWith("must ") ? first.field() + " " + first.message()
                    : first.message();
            return error(400, "invalidValue", detail);
        } catch (RuleBroken broken) {
            return switch (broken.kind()) {
                case NOT_FOUND -> error(404, null, broken.getMessage());
                case USERNAME_TAKEN -> error(409, "uniqueness", "userName already in use");
                case SITE_IMMUTABLE -> error(400, "mutability", "site cannot be updated after user creation");
                case INVALID -> error(400, "invalidValue", broken.getMessage());
                case TOO_MANY_IN_FLIGHT -> error(429, null, broken.getMessage());
            };
        }
    }

    private Response.ResponseBuilder error(int status, String scimType, String detail) {
        return json(status, ScimJson.error(status, scimType, detail));
    }
}
