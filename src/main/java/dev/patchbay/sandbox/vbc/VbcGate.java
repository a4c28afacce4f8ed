package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.Fault;
import dev.patchbay.sandbox.kit.ScimRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every simulated VBC request passes through: an injected fault first, then (Provisioning API) the
 * bearer token. Errors of the Provisioning API take the spec's shapes: {@code ErrorResponse{msg, status}}
 * and {@code ValidationErrorsResponse{status, title, instance, invalid_parameters[{name, reason}]}}.
 */
@ApplicationScoped
public class VbcGate {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final VbcAccount account;
    private final VbcSettings settings;
    private final VbcFaults faults;
    private final ObjectMapper mapper;

    public VbcGate(VbcAccount account, VbcSettings settings, VbcFaults faults, ObjectMapper mapper) {
        this.account = account;
        this.settings = settings;
        this.faults = faults;
        this.mapper = mapper;
    }

    /** A Provisioning API request's failure to answer 4xx/5xx with, thrown by an endpoint. */
    static final class Refusal extends RuntimeException {
        final Response.ResponseBuilder response;

        Refusal(Response.ResponseBuilder response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    Response provisioning(HttpHeaders headers, Supplier<JsonNode> endpoint) {
        Optional<Response> faulted = fault(VbcFaults.PROVISIONING);
        if (faulted.isPresent()) {
            return faulted.get();
        }
        if (!account.liveAccessToken(bearer(headers))) {
            return json(401, JSON.objectNode().put("msg", "Invalid Credentials: the access token is missing,"
                    + " expired or revoked").put("status", 401)).header("WWW-Authenticate", "Bearer").build();
        }
        try {
            return json(200, endpoint.get()).build();
        } catch (Refusal refusal) {
            return refusal.response.build();
        }
    }

    /** A SCIM request: a fault first, then the static bearer token; refusals become SCIM error bodies. */
    Response scim(HttpHeaders headers, Supplier<Response.ResponseBuilder> endpoint) {
        Optional<Response> faulted = fault(VbcFaults.SCIM);
        if (faulted.isPresent()) {
            return faulted.get();
        }
        if (!settings.scimToken().equals(bearer(headers))) {
            return scimError(new ScimRefusal(401, null, "Authentication failed: the bearer token is missing or"
                    + " wrong")).header("WWW-Authenticate", "Bearer").build();
        }
        try {
            return endpoint.get().build();
        } catch (ScimRefusal refusal) {
            return scimError(refusal).build();
        }
    }

    private Response.ResponseBuilder scimError(ScimRefusal refusal) {
        ObjectNode body = JSON.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        body.put("status", String.valueOf(refusal.status()));
        if (refusal.scimType() != null) {
            body.put("scimType", refusal.scimType());
        }
        body.put("detail", refusal.getMessage());
        return Response.status(refusal.status()).type("application/scim+json").entity(body.toString());
    }

    Response token(Supplier<Response.ResponseBuilder> endpoint) {
        return fault(VbcFaults.TOKEN).orElseGet(() -> endpoint.get().build());
    }

    private Optional<Response> fault(String api) {
        Optional<Fault> fault = faults.nextFor(api);
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        Fault injected = fault.get();
        if (injected.is(Fault.STATUS)) {
            Response.ResponseBuilder response = json(injected.status(), JSON.objectNode()
                    .put("msg", Optional.ofNullable(injected.message()).orElse("Injected failure"))
                    .put("status", injected.status()));
            if (injected.retryAfterSeconds() != null) {
                response.header("Retry-After", injected.retryAfterSeconds());
            }
            return Optional.of(response.build());
        }
        long delay = injected.is(Fault.TIMEOUT) ? settings.timeoutMs() : injected.millis();
        sleep(delay);
        if (injected.is(Fault.TIMEOUT)) {
            return Optional.of(json(504, JSON.objectNode().put("msg", "Gateway timeout").put("status", 504)).build());
        }
        return Optional.empty();
    }

    static Refusal notFound(String message) {
        return new Refusal(jsonOf(404, JSON.objectNode().put("msg", message).put("status", 404)));
    }

    static Refusal invalid(String instance, String parameter, String reason) {
        ObjectNode body = JSON.objectNode().put("status", 400).put("title", "Validation failed").put("instance", instance);
        body.putArray("invalid_parameters").addObject().put("name", parameter).put("reason", reason);
        return new Refusal(jsonOf(400, body));
    }

    Response.ResponseBuilder json(int status, JsonNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response.ResponseBuilder jsonOf(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.toString());
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
