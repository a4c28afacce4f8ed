package dev.patchbay.sandbox.vcc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ControlResource;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The kit's control API for the simulated VCC account, plus what an admin does by hand in the VCC Admin
 * Portal: create a user ({@code POST users}, the API's body), edit its skills or groups ({@code PUT
 * users/{id}/skills|groups}), give it API credentials or link it to other accounts ({@code PATCH
 * users/{id}} {@code {"apiCredentials":1,"multipleAccounts":true}}), and add a telephony region.
 */
@Path("/sandbox/vcc/_control")
public class VccControlResource extends ControlResource {

    private final VccAccount account;
    private final VccGate gate;

    public VccControlResource(VccAccount account, VccGate gate, VccSandboxSettings settings, VccClock clock,
            VccFaults faults, ObjectMapper mapper) {
        super(clock, faults, settings.tunables(), mapper);
        this.account = account;
        this.gate = gate;
    }

    @Override
    protected void resetSimulator() {
        gate.reset();
        account.reset();
    }

    @Override
    protected ObjectNode simulatorState(UriInfo uri) {
        ObjectNode state = account.state();
        gate.state(state);
        return state;
    }

    @Override
    protected ControlRefusal translate(RuntimeException failure) {
        return failure instanceof VccFailure vcc ? new ControlRefusal(vcc.status(), vcc.getMessage(), List.of()) : null;
    }

    @POST
    @Path("users")
    public Response createByHand(String body) {
        return control(201, () -> account.createUser(object(body), true));
    }

    @PATCH
    @Path("users/{userId}")
    public Response portalFacts(@PathParam("userId") String userId, String body) {
        return control(() -> account.setPortalFacts(userId, object(body)));
    }

    @PUT
    @Path("users/{userId}/skills")
    public Response skillsByHand(@PathParam("userId") String userId, String body) {
        return control(() -> account.replaceSkills(userId, object(body)));
    }

    @PUT
    @Path("users/{userId}/groups")
    public Response groupsByHand(@PathParam("userId") String userId, String body) {
        return control(() -> account.replaceGroups(userId, object(body)));
    }

    @POST
    @Path("regions")
    public Response addRegion(String body) {
        return control(() -> {
            ObjectNode region = object(body);
            if (!region.hasNonNull("id") || !region.hasNonNull("name")) {
                throw ControlRefusal.badRequest(null, "A region needs an id (GUID) and a name");
            }
            account.addRegion(region.get("id").asText(), region.get("name").asText());
            return account.state().get("telephonyRegions");
        });
    }
}
