package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.Fault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every request passes through: injected faults, then (Platform API) the bearer token and the
 * per-token rate limit of a fixed one-minute window that starts with the token's first call. Adds {@code inin-ratelimit-*} and
 * {@code ININ-Correlation-Id} and turns {@link GenesysFailure} into Genesys' ErrorBody.
 */
@ApplicationScoped
public class GenesysGate {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GenesysSettings settings;
    private final GenesysClock clock;
    private final ObjectMapper mapper;
    private final GenesysFaults faults;
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, String> clientOfToken = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    private int tokensIssued;
    private int rateLimited;
    private final Map<String, Integer> callsByClient = new HashMap<>();

    public GenesysGate(GenesysSettings settings, GenesysClock clock, GenesysFaults faults, ObjectMapper mapper) {
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.mapper = mapper;
    }

    private static final class Window {
        Instant start;
        int count;
    }

    synchronized void reset() {
        tokens.clear();
        clientOfToken.clear();
        windows.clear();
        tokensIssued = 0;
        rateLimited = 0;
        callsByClient.clear();
    }

    /** How many requests met a 429 since the last reset. */
    synchronized int rateLimited() {
        return rateLimited;
    }

    /** The requests each OAuth client's tokens made since the last reset (those the rate limit counted). */
    synchronized Map<String, Integer> callsByClient() {
        return Map.copyOf(callsByClient);
    }

    /** Each OAuth client's calls in its window running now (a client whose window ended has none). */
    synchronized Map<String, Integer> windowCallsByClient() {
        Instant now = clock.now();
        Map<String, Integer> calls = new HashMap<>();
        windows.forEach((token, window) -> {
            if (window.start != null && now.isBefore(window.start.plusSeconds(60))) {
                calls.merge(clientOfToken.getOrDefault(token, token), window.count, Integer::sum);
            }
        });
        return calls;
    }

    /** How many access tokens were issued since the last reset, so tests can see a client caches them. */
    synchronized int tokensIssued() {
        return tokensIssued;
    }

    synchronized String issueToken(String clientId) {
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.now().plusSeconds(settings.tokenLifetimeSeconds()));
        clientOfToken.put(token, clientId);
        tokensIssued++;
        return token;
    }

    /** The Platform API: faults, bearer token, rate limit, endpoint. */
    Uni<Response> api(HttpHeaders headers, Supplier<Response.ResponseBuilder> endpoint) {
        String correlationId = UUID.randomUUID().toString();
        Optional<Fault> fault = faults.nextFor(GenesysFaults.API);
        String token = bearer(headers);
        long delay = 0;
        Response.ResponseBuilder response;
        int[] limit = null;
        synchronized (this) {
            boolean live = token != null && tokens.containsKey(token) && clock.now().isBefore(tokens.get(token));
            if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
                Fault status = fault.get();
                response = error(status.status(), codeFor(status.status()), Optional.ofNullable(status.message())
                        .orElse("Injected failure"), correlationId);
                if (status.retryAfterSeconds() != null) {
                    response.header("Retry-After", status.retryAfterSeconds());
                }
                limit = live ? window(token, false) : null;
            } else if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
                delay = settings.timeoutMs();
                response = error(504, "gateway.timeout", "The request timed out", correlationId);
            } else {
                delay = fault.map(Fault::millis).orElse(0L);
                if (token == null) {
                    response = error(401, "authentication.required",
                            "No authentication bearer token specified in authorization header.", correlationId);
                } else if (!live) {
                    response = error(401, "bad.credentials", "Invalid login credentials.", correlationId);
                } else {
                    limit = window(token, true);
                    if (limit[0] == 0) {
                        rateLimited++;
                        int retryAfter = limit[3];
                        response = error(429, "too.many.requests.retry.after",
                                "Rate limit exceeded the maximum. Retry the request in [" + retryAfter + "] seconds",
                                correlationId).header("Retry-After", retryAfter);
                    } else {
                        response = null;
                    }
                }
            }
        }
        if (response == null) {
            response = run(endpoint, correlationId);
        }
        if (limit != null) {
            response.header("inin-ratelimit-count", limit[1]).header("inin-ratelimit-allowed", limit[2])
                    .header("inin-ratelimit-reset", limit[3]);
        }
        response.header("ININ-Correlation-Id", correlationId);
        Uni<Response> answer = Uni.createFrom().item(response.build());
        return delay > 0 ? answer.onItem().delayIt().by(Duration.ofMillis(delay)) : answer;
    }

    /** The token endpoint: only faults apply before it. */
    Uni<Response> oauth(Supplier<Response.ResponseBuilder> endpoint) {
        String correlationId = UUID.randomUUID().toString();
        Optional<Fault> fault = faults.nextFor(GenesysFaults.OAUTH);
        long delay = 0;
        Response.ResponseBuilder response;
        if (fault.isPresent() && fault.get().is(Fault.STATUS)) {
            Fault status = fault.get();
            response = error(status.status(), codeFor(status.status()),
                    Optional.ofNullable(status.message()).orElse("Injected failure"), correlationId);
            if (status.retryAfterSeconds() != null) {
                response.header("Retry-After", status.retryAfterSeconds());
            }
        } else if (fault.isPresent() && fault.get().is(Fault.TIMEOUT)) {
            delay = settings.timeoutMs();
            response = error(504, "gateway.timeout", "The request timed out", correlationId);
        } else {
            delay = fault.map(Fault::millis).orElse(0L);
            response = run(endpoint, correlationId);
        }
        Uni<Response> answer = Uni.createFrom().item(response.build());
        return delay > 0 ? answer.onItem().delayIt().by(Duration.ofMillis(delay)) : answer;
    }

    /** {allowed 1|0, count, allowed limit, seconds to reset}. Refused requests do not count. */
    private int[] window(String token, boolean count) {
        Instant now = clock.now();
        int allowed = settings.rateLimitPerMinute();
        Window window = windows.computeIfAbsent(token, key -> new Window());
        if (window.start == null || !now.isBefore(window.start.plusSeconds(60))) {
            window.start = now;
            window.count = 0;
        }
        boolean ok = window.count < allowed;
        if (ok && count) {
            window.count++;
            callsByClient.merge(clientOfToken.getOrDefault(token, token), 1, Integer::sum);
        }
        long millisLeft = Duration.between(now, window.start.plusSeconds(60)).toMillis();
        int reset = (int) Math.max(1, (millisLeft + 999) / 1000);
        return new int[] {ok ? 1 : 0, window.count, allowed, reset};
    }

    private Response.ResponseBuilder run(Supplier<Response.ResponseBuilder> endpoint, String correlationId) {
        try {
            return endpoint.get();
        } catch (GenesysFailure failure) {
            return error(failure.status(), failure.code(), failure.getMessage(), correlationId);
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad.request";
            case 401 -> "bad.credentials";
            case 403 -> "missing.permissions";
            case 404 -> "not.found";
            case 409 -> "general.conflict";
            case 429 -> "too.many.requests";
            case 503 -> "service.unavailable";
            case 504 -> "gateway.timeout";
            default -> status >= 500 ? "internal.server.error" : "bad.request";
        };
    }

    Response.ResponseBuilder error(int status, String code, String message, String contextId) {
        ObjectNode body = JSON.objectNode();
        body.put("message", message);
        body.put("code", code);
        body.put("status", status);
        body.putObject("messageParams");
        body.put("contextId", contextId);
        body.putArray("details");
        body.putArray("errors");
        return json(status, body);
    }

    Response.ResponseBuilder json(int status, JsonNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as JSON, or a 400 bad.request. */
    JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw GenesysFailure.badRequest("The request body is empty");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw GenesysFailure.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    ObjectNode object(String body) {
        JsonNode node = parse(body);
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw GenesysFailure.badRequest("The request body must be a JSON object");
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
