package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ControlResource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** The kit's control API for the simulated Genesys Cloud org, plus adding routing skills to its catalogue. */
@Path("/sandbox/genesys/_control")
public class GenesysControlResource extends ControlResource {

    private final GenesysOrg org;
    private final GenesysGate gate;

    public GenesysControlResource(GenesysOrg org, GenesysGate gate, GenesysSettings settings, GenesysClock clock,
            GenesysFaults faults, ObjectMapper mapper) {
        super(clock, faults, settings.tunables(), mapper);
        this.org = org;
        this.gate = gate;
    }

    @Override
    protected void resetSimulator() {
        gate.reset();
        org.reset();
    }

    @Override
    protected ObjectNode simulatorState(UriInfo uri) {
        ObjectNode state = org.state();
        state.put("tokensIssued", gate.tokensIssued());
        state.put("rateLimited", gate.rateLimited());
        ObjectNode calls = state.putObject("callsByClient");
        gate.callsByClient().forEach(calls::put);
        ObjectNode window = state.putObject("windowCallsByClient");
        gate.windowCallsByClient().forEach(window::put);
        return state;
    }

    @Override
    protected ControlRefusal translate(RuntimeException failure) {
        return failure instanceof GenesysFailure genesys
                ? new ControlRefusal(genesys.status(), genesys.getMessage(), List.of()) : null;
    }

    /** {@code {"names":[…]}}: adds routing skills to the org's catalogue (tests of many skills). */
    @POST
    @Path("skills")
    public Response addSkills(String body) {
        return control(() -> {
            JsonNode names = object(body).get("names");
            if (names == null || !names.isArray() || names.isEmpty()) {
                throw ControlRefusal.badRequest("names", "names must be a non-empty array of skill names");
            }
            List<String> list = new ArrayList<>();
            names.forEach(name -> list.add(name.asText()));
            org.addSkills(list);
            return org.skillsListing();
        });
    }
}
