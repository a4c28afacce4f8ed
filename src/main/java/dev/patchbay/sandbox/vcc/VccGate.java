package dev.patchbay.sandbox.vcc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.Fault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every request passes through: injected faults, then the fair use limit shared by every call of the
 * account (429 without Retry-After), then for the User Admin API the versioned {@code Accept} header, the
 * bearer token and its scope. Refusals answer {@code {"message":…}}.
 */
@ApplicationScoped
public class VccGate {

    static final String MEDIA_TYPE = "application/vnd.newvoicemedia.v4+json";
    private static final Pattern VERSION = Pattern.compile("application/vnd\\.newvoicemedia\\.v([^+;,\\s]*)\\+json");

    private final VccSandboxSettings settings;
    private final VccClock clock;
    private final VccFaults faults;
    private final ObjectMapper mapper;
    private final Map<String, Token> tokens = new HashMap<>();
    private Instant windowStart;
    private int windowCalls;
    private int tokensIssued;
    private int refusedForFairUse;

    private record Token(Instant expiresAt, List<String> scopes) {
    }

    public VccGate(VccSandboxSettings settings, VccClock clock, VccFaults faults, ObjectMapper mapper) {
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.mapper = mapper;
    }

    synchronized void reset() {
        tokens.clear();
        windowStart = null;
        windowCalls = 0;
        tokensIssued = 0;
        refusedForFairUse = 0;
    }

    synchronized void state(ObjectNode state) {
        state.put("tokensIssued", tokensIssued);
        state.put("refusedForFairUse", refusedForFairUse);
    }

    synchronized String issueToken(List<String> scopes) {
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, new Token(clock.now().plusSeconds(settings.tokenLifetimeSeconds()), List.copyOf(scopes)));
        tokensIssued++;
        return token;
    }

    long tokenLifetimeSeconds() {
        return settings.tokenLifetimeSeconds();
    }

    /** The token endpoint: faults and the fair use limit apply before it. */
    Response auth(Supplier<Response.ResponseBuilder> endpoint) {
        return pass(VccFaults.AUTH, null, null, endpoint);
    }

    /** The User Admin API; {@code scope} is what the call needs ({@code users:read} or {@code users:write}). */
    Response userAdmin(HttpHeaders headers, String scope, Supplier<Response.ResponseBuilder> endpoint) {
        return pass(VccFaults.USER_ADMIN, headers, scope, endpoint);
    }

    private Response pass(String api, HttpHeaders headers, String scope, Supplier<Response.ResponseBuilder> endpoint) {
        Optional<Fault> fault = faults.nextFor(api);
        long delay = fault.filter(f -> f.is(Fault.LATENCY)).map(Fault::millis).orElse(0L);
        Response.ResponseBuilder answer;
        if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
            answer = message(fault.get().status(), Optional.ofNullable(fault.get().message()).orElse("Injected failure"));
            if (fault.get().retryAfterSeconds() != null) {
                answer.header("Retry-After", fault.get().retryAfterSeconds());
            }
        } else if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            delay = settings.timeoutMs();
            answer = message(504, "Gateway Timeout");
        } else if (!fairUse()) {
            answer = message(429, "Too Many Requests");
        } else {
            answer = headers == null ? run(endpoint) : checked(headers, scope, endpoint);
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.build();
    }

    private Response.ResponseBuilder checked(HttpHeaders headers, String scope,
            Supplier<Response.ResponseBuilder> endpoint) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        Matcher version = VERSION.matcher(accept == null ? "" : accept);
        if (!version.find()) {
            return message(400, "Version missing from Accept header!");
        }
        if (!"4".equals(version.group(1))) {
            return message(400, "Invalid api-version '" + version.group(1) + "' in Accept header");
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        Token token;
        synchronized (this) {
            token = bearer == null ? null : tokens.get(bearer);
        }
        if (token == null || !clock.now().isBefore(token.expiresAt())) {
            return message(401, "Unauthorized");
        }
        boolean allowed = token.scopes().contains(scope)
                || ("users:read".equals(scope) && token.scopes().contains("users:write"));
        if (!allowed) {
            return message(403, "The access token lacks the scope " + scope);
        }
        return run(endpoint);
    }

    private synchronized boolean fairUse() {
        Instant now = clock.now();
        if (windowStart == null || !now.isBefore(windowStart.plusSeconds(settings.fairUseWindowSeconds()))) {
            windowStart = now;
            windowCalls = 0;
        }
        if (windowCalls >= settings.fairUseCalls()) {
            refusedForFairUse++;
            return false;
        }
        windowCalls++;
        return true;
    }

    private Response.ResponseBuilder run(Supplier<Response.ResponseBuilder> endpoint) {
        try {
            return endpoint.get();
        } catch (VccFailure failure) {
            return message(failure.status(), failure.getMessage());
        }
    }

    Response.ResponseBuilder message(int status, String message) {
        return json(status, JsonNodeFactory.instance.objectNode().put("message", message));
    }

    Response.ResponseBuilder json(int status, JsonNode body) {
        try {
            return Response.status(status).type(status / 100 == 2 ? MEDIA_TYPE : MediaType.APPLICATION_JSON)
                    .entity(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw VccFailure.badRequest("The request body is empty");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw VccFailure.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        throw VccFailure.badRequest("The request body must be a JSON object");
    }
}
