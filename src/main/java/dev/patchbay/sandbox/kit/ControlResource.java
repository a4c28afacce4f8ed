package dev.patchbay.sandbox.kit;

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
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code _control} API every simulator serves, without authentication, for tests and demos. A
 * simulator subclasses it with {@code @Path("/sandbox/{vendor}/_control")}, hands over its clock, fault
 * queue and tunables, says how to reset and show its own state, and may add endpoints of its own:
 * <ul>
 * <li>{@code POST reset} → 204: tunables back to their defaults, no faults, the simulator's initial state;</li>
 * <li>{@code GET state} → the simulator's state plus {@code now}, {@code faults} and {@code settings};</li>
 * <li>{@code GET|POST|DELETE faults}: list, queue (one fault object or an array, in order), clear;</li>
 * <li>{@code GET|PUT settings}: the tunables, or change some of them until the next reset;</li>
 * <li>{@code POST clock} {@code {"advanceMs":N}} → {@code {"now":…}}: move the simulator's time forward.</li>
 * </ul>
 * Refusals answer {@code {"status":400,"code":"bad.request","message":…,"errors":[{"field","message"}]}}.
 */
public abstract class ControlResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MovableClock clock;
    private final FaultQueue faults;
    private final Tunables tunables;
    private final ObjectMapper mapper;

    protected ControlResource(MovableClock clock, FaultQueue faults, Tunables tunables, ObjectMapper mapper) {
        this.clock = clock;
        this.faults = faults;
        this.tunables = tunables;
        this.mapper = mapper;
    }

    /** Back to the initial state, after the tunables are back to their defaults and the faults are gone. */
    protected abstract void resetSimulator();

    /** What the simulator holds, for {@code GET state}. */
    protected abstract ObjectNode simulatorState(UriInfo uri);

    /** A simulator's own refusal as a control refusal, or null when {@code failure} is none of them. */
    protected ControlRefusal translate(RuntimeException failure) {
        return null;
    }

    @POST
    @Path("reset")
    public Response reset() {
        tunables.reset();
        faults.clear();
        resetSimulator();
        return Response.noContent().build();
    }

    @GET
    @Path("state")
    public Response state(@Context UriInfo uri) {
        ObjectNode state = simulatorState(uri);
        state.put("now", clock.now().toString());
        state.set("faults", faultList());
        state.set("settings", tunables.toJson());
        return json(200, state);
    }

    @GET
    @Path("faults")
    public Response listFaults() {
        return json(200, JSON.objectNode().set("faults", faultList()));
    }

    @POST
    @Path("faults")
    public Response addFaults(String body) {
        return control(() -> {
            JsonNode json = parse(body);
            List<Fault> added = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(element -> added.add(faults.schema().parse(element)));
            } else {
                added.add(faults.schema().parse(json));
            }
            faults.add(added);
            return JSON.objectNode().set("faults", faultList());
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
        return json(200, tunables.toJson());
    }

    @PUT
    @Path("settings")
    public Response putSettings(String body) {
        return control(() -> {
            tunables.change(object(body));
            return tunables.toJson();
        });
    }

    @POST
    @Path("clock")
    public Response advanceClock(String body) {
        return control(() -> {
            JsonNode advance = object(body).get("advanceMs");
            if (advance == null || !advance.isIntegralNumber() || advance.longValue() < 0) {
                throw ControlRefusal.badRequest("advanceMs", "advanceMs must be a non-negative integer");
            }
            clock.advance(Duration.ofMillis(advance.longValue()));
            return JSON.objectNode().put("now", clock.now().toString());
        });
    }

    /** Runs a control action answering 200 with its JSON, or the refusal. */
    protected Response control(Supplier<? extends JsonNode> action) {
        return control(200, action);
    }

    protected Response control(int status, Supplier<? extends JsonNode> action) {
        try {
            return json(status, action.get());
        } catch (ControlRefusal refusal) {
            return refusal(refusal);
        } catch (RuntimeException failure) {
            ControlRefusal translated = translate(failure);
            if (translated == null) {
                throw failure;
            }
            return refusal(translated);
        }
    }

    /** The body as JSON, or a refusal. */
    protected JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (json == null) {
                throw ControlRefusal.badRequest(null, "The request body is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw ControlRefusal.badRequest(null, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    protected ObjectNode object(String body) {
        if (parse(body) instanceof ObjectNode object) {
            return object;
        }
        throw ControlRefusal.badRequest(null, "The request body must be a JSON object");
    }

    protected Response json(int status, JsonNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(mapper.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response refusal(ControlRefusal refusal) {
        ObjectNode body = JSON.objectNode().put("status", refusal.status())
                .put("code", refusal.status() == 404 ? "not.found" : "bad.request")
                .put("message", refusal.getMessage());
        ArrayNode errors = body.putArray("errors");
        refusal.violations().forEach(v -> errors.addObject().put("field", v.field()).put("message", v.message()));
        return json(refusal.status(), body);
    }

    private ArrayNode faultList() {
        ArrayNode list = JSON.arrayNode();
        faults.pending().forEach(fault -> list.add(fault.describe()));
        return list;
    }
}
