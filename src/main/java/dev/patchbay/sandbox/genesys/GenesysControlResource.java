package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Test and demo controls, without authentication: reset, inspect, faults, settings, clock. */
@Path("/sandbox/genesys/_control")
public class GenesysControlResource {

    private final GenesysOrg org;
    private final GenesysGate gate;
    private final GenesysSettings settings;
    private final GenesysClock clock;

    public GenesysControlResource(GenesysOrg org, GenesysGate gate, GenesysSettings settings, GenesysClock clock) {
        this.org = org;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Path("reset")
    public Response reset() {
        settings.reset();
        gate.reset();
        org.reset();
        return Response.noContent().build();
    }

    /** {@code {"names":[…]}}: adds routing skills to the org's catalogue (tests of many skills). */
    @POST
    @Path("skills")
    public Response addSkills(String body) {
        return control(() -> {
            JsonNode names = gate.object(body).get("names");
            if (names == null || !names.isArray() || names.isEmpty()) {
                throw GenesysFailure.badRequest("names must be a non-empty array of skill names");
            }
            List<String> list = new ArrayList<>();
            names.forEach(name -> list.add(name.asText()));
            org.addSkills(list);
            return org.skillsListing();
        });
    }

    @GET
    @Path("state")
    public Response state() {
        ObjectNode state = org.state();
        state.put("now", clock.now().toString());
        state.set("faults", gate.faults());
        state.put("tokensIssued", gate.tokensIssued());
        state.set("settings", settingsJson());
        return gate.json(200, state).build();
    }

    /** One fault object or an array of them, queued in order. */
    @POST
    @Path("faults")
    public Response faults(String body) {
        return control(() -> {
            JsonNode json = gate.parse(body);
            List<GenesysFault> added = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(node -> added.add(GenesysFault.parse(node)));
            } else {
                added.add(GenesysFault.parse(json));
            }
            gate.addFaults(added);
            return JsonNodeFactory.instance.objectNode().set("faults", gate.faults());
        });
    }

    /** Any of {@code rateLimitPerMinute}, {@code tokenLifetimeSeconds}, {@code timeoutMs}. */
    @PUT
    @Path("settings")
    public Response settings(String body) {
        return control(() -> {
            ObjectNode json = gate.object(body);
            GenesysSettings.Tunables now = settings.tunables();
            settings.change(new GenesysSettings.Tunables(
                    number(json, "tokenLifetimeSeconds", now.tokenLifetimeSeconds(), 1),
                    (int) number(json, "rateLimitPerMinute", now.rateLimitPerMinute(), 1),
                    number(json, "timeoutMs", now.timeoutMs(), 0)));
            return settingsJson();
        });
    }

    /** {@code {"advanceMs":N}}: move the sandbox clock forward (token expiry, rate-limit windows). */
    @POST
    @Path("clock")
    public Response clock(String body) {
        return control(() -> {
            long millis = number(gate.object(body), "advanceMs", -1, 0);
            clock.advance(Duration.ofMillis(millis));
            return JsonNodeFactory.instance.objectNode().put("now", clock.now().toString());
        });
    }

    private ObjectNode settingsJson() {
        GenesysSettings.Tunables tunables = settings.tunables();
        return JsonNodeFactory.instance.objectNode()
                .put("tokenLifetimeSeconds", tunables.tokenLifetimeSeconds())
                .put("rateLimitPerMinute", tunables.rateLimitPerMinute())
                .put("timeoutMs", tunables.timeoutMs());
    }

    private Response control(Supplier<JsonNode> action) {
        try {
            return gate.json(200, action.get()).build();
        } catch (GenesysFailure failure) {
            return gate.error(failure.status(), failure.code(), failure.getMessage(), UUID.randomUUID().toString())
                    .build();
        }
    }

    private static long number(ObjectNode json, String name, long defaultValue, long min) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (defaultValue < min) {
                throw GenesysFailure.badRequest(name + " is required");
            }
            return defaultValue;
        }
        if (!value.isIntegralNumber() || value.longValue() < min) {
            throw GenesysFailure.badRequest(name + " must be an integer of at least " + min);
        }
        return value.longValue();
    }
}
