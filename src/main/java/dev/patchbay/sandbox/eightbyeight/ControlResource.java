package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test and demo controls of the simulated customer, without authentication: reset, inspect, size the
 * license pool, queue faults, tune delays and limits, move the clock, seed pre-existing users.
 */
@Path("/sandbox/8x8/_control")
public class ControlResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Customer customer;
    private final Faults faults;
    private final AdminRateLimiter limiter;
    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final ObjectMapper mapper;

    public ControlResource(Customer customer, Faults faults, AdminRateLimiter limiter, SandboxSettings settings,
            SandboxClock clock, ObjectMapper mapper) {
        this.customer = customer;
        this.faults = faults;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
        this.mapper = mapper;
    }

    @POST
    @Path("reset")
    public Response reset() {
        customer.reset();
        faults.clear();
        limiter.reset();
        settings.reset();
        return Response.noContent().build();
    }

    @GET
    @Path("state")
    public Response state(@Context UriInfo uri) {
        ObjectNode state = JSON.objectNode();
        state.put("customerId", customer.customerId());
        state.put("now", clock.now().toString());
        ArrayNode users = state.putArray("users");
        customer.users().forEach(user -> users.add(stateUser(user)));
        ArrayNode licenses = state.putArray("licenses");
        customer.licenses().forEach(license -> licenses.add(AdminJson.license(license)));
        ArrayNode sites = state.putArray("sites");
        customer.sites().forEach(site -> sites.add(AdminJson.site(site)));
        String base = uri.getBaseUriBuilder().path("sandbox/8x8/admin-provisioning").build().toString();
        ArrayNode operations = state.putArray("operations");
        customer.operations().forEach(operation -> operations.add(
                AdminJson.operation(operation, customer.customerId(), base)));
        state.set("faults", faults());
        state.set("settings", settings());
        return json(200, state);
    }

    @PUT
    @Path("licenses")
    public Response licenses(String body) {
        return control(() -> {
            ObjectNode json = BodyReader.object(mapper, body);
            Map<String, Integer> totals = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().isBlank()) {
                    throw new InvalidInput(field.getKey(), "A license name must not be blank");
                }
                if (!field.getValue().canConvertToInt() || !field.getValue().isIntegralNumber()
                        || field.getValue().intValue() < 0) {
                    throw new InvalidInput(field.getKey(), field.getKey() + " must be a non-negative integer");
                }
                totals.put(field.getKey(), field.getValue().intValue());
            }
            customer.setLicenseTotals(totals);
            ObjectNode answer = JSON.objectNode();
            ArrayNode data = answer.putArray("data");
            customer.licenses().forEach(license -> data.add(AdminJson.license(license)));
            return json(200, answer);
        });
    }

    @GET
    @Path("faults")
    public Response listFaults() {
        return json(200, JSON.objectNode().set("faults", faults()));
    }

    /** One fault object or an array of them, queued in order. */
    @POST
    @Path("faults")
    public Response addFaults(String body) {
        return control(() -> {
            JsonNode json;
            try {
                json = mapper.readTree(body == null ? "" : body);
            } catch (JsonProcessingException e) {
                throw new InvalidInput(null, "The request body is not valid JSON: " + e.getOriginalMessage());
            }
            List<Fault> added = new ArrayList<>();
            if (json != null && json.isArray()) {
                json.forEach(element -> added.add(FaultParser.parse(element)));
            } else {
                added.add(FaultParser.parse(json));
            }
            faults.add(added);
            return json(200, JSON.objectNode().set("faults", faults()));
        });
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("settings")
    public Response getSettings() {
        return json(200, settings());
    }

    /** Changes some of operationDelayMs, timeoutMs, rateLimitPerMinute, burstPer10s, maxInFlight until reset. */
    @PUT
    @Path("settings")
    public Response putSettings(String body) {
        return control(() -> {
            ObjectNode json = BodyReader.object(mapper, body);
            SandboxSettings.Tunables now = settings.tunables();
            List<String> known = List.of("operationDelayMs", "timeoutMs", "rateLimitPerMinute", "burstPer10s",
                    "maxInFlight");
            json.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw new InvalidInput(name, "Unknown setting " + name + "; known: " + String.join(", ", known));
                }
            });
            settings.change(new SandboxSettings.Tunables(
                    number(json, "operationDelayMs", now.operationDelayMs(), 0),
                    number(json, "timeoutMs", now.timeoutMs(), 0),
                    (int) number(json, "rateLimitPerMinute", now.rateLimitPerMinute(), 1),
                    (int) number(json, "burstPer10s", now.burstPer10s(), 1),
                    (int) number(json, "maxInFlight", now.maxInFlight(), 1)));
            return json(200, settings());
        });
    }

    /** Moves the sandbox clock forward: {@code {"advanceMs": 60000}}. */
    @POST
    @Path("clock")
    public Response advanceClock(String body) {
        return control(() -> {
            ObjectNode json = BodyReader.object(mapper, body);
            long millis = number(json, "advanceMs", -1, 0);
            if (millis < 0) {
                throw new InvalidInput("advanceMs", "advanceMs is required");
            }
            clock.advance(Duration.ofMillis(millis));
            return json(200, JSON.objectNode().put("now", clock.now().toString()));
        });
    }

    /**
     * Stores a user at once, as if it had existed before the test, in the Admin API's User shape. The
     * site may be left out (users without a site exist at 8x8); the other rules apply.
     */
    @POST
    @Path("users")
    public Response seedUser(String body) {
        return control(() -> {
            AdminUserInput input = AdminUserInput.parse(BodyReader.object(mapper, body), customer, false);
            return json(201, stateUser(customer.seed(input)));
        });
    }

    private ObjectNode stateUser(SandboxUser user) {
        ObjectNode node = AdminJson.user(user, customer);
        node.put("scimActive", user.active);
        node.put("externalId", user.externalId);
        return node;
    }

    private ArrayNode faults() {
        ArrayNode list = JSON.arrayNode();
        faults.pending().forEach(fault -> list.add(FaultParser.describe(fault)));
        return list;
    }

    private ObjectNode settings() {
        SandboxSettings.Tunables tunables = settings.tunables();
        return JSON.objectNode().put("operationDelayMs", tunables.operationDelayMs())
                .put("timeoutMs", tunables.timeoutMs())
                .put("rateLimitPerMinute", tunables.rateLimitPerMinute())
                .put("burstPer10s", tunables.burstPer10s())
                .put("maxInFlight", tunables.maxInFlight());
    }

    private static long number(ObjectNode json, String name, long current, long min) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return current;
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > Integer.MAX_VALUE) {
            throw new InvalidInput(name, name + " must be an integer of at least " + min);
        }
        return value.longValue();
    }

    private Response control(Supplier<Response> action) {
        try {
            return action.get();
        } catch (InvalidInput invalid) {
            ArrayNode errors = JSON.arrayNode();
            invalid.violations().forEach(v -> errors.addObject().put("field", v.field()).put("message", v.message()));
            ObjectNode body = JSON.objectNode().put("status", 400).put("message", invalid.getMessage());
            body.set("errors", errors);
            return json(400, body);
        } catch (RuleBroken broken) {
            return json(broken.kind() == RuleBroken.Kind.NOT_FOUND ? 404 : 400, JSON.objectNode()
                    .put("status", broken.kind() == RuleBroken.Kind.NOT_FOUND ? 404 : 400)
                    .put("message", broken.getMessage()));
        }
    }

    private Response json(int status, JsonNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(mapper.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
