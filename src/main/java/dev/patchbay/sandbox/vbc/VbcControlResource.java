package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ControlResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The kit's control API for the simulated VBC account, plus the "admin portal": what the person doing a
 * Patchbay task does in the VBC Admin Portal, since VBC's API writes nothing.
 * <ul>
 * <li>{@code POST portal/users} {@code {"firstName","lastName","email","loginName"?,"lineType","extension",
 * "locationId"?,"did"?}}: adds a user with a line, an extension and optionally a DID;</li>
 * <li>{@code POST portal/users/{id}/extensions} {@code {"lineType","extension","locationId"?,"did"?}}: gives a
 * user without a line (one created through SCIM) a line, an extension and optionally a DID;</li>
 * <li>{@code PUT portal/users/{id}/line} {@code {"lineType"}}: changes the user's line type;</li>
 * <li>{@code DELETE portal/users/{id}/extensions}: takes the user's line and extensions away; their numbers stay
 * on the account until released;</li>
 * <li>{@code DELETE portal/users/{id}}: deletes the user; its numbers stay on the account;</li>
 * <li>{@code POST portal/extensions/{extension}/numbers} {@code {"did"}}: gives the extension another number;</li>
 * <li>{@code POST portal/numbers/{did}/release}: releases a number from the account;</li>
 * <li>{@code POST portal/refresh-token}: a refresh token, as an admin would get one from the authorization-code
 * flow, to put in a connection's settings.</li>
 * </ul>
 */
@Path("/sandbox/vbc/_control")
public class VbcControlResource extends ControlResource {

    private final VbcAccount account;

    public VbcControlResource(VbcAccount account, VbcSettings settings, VbcClock clock, VbcFaults faults,
            ObjectMapper mapper) {
        super(clock, faults, settings.tunables(), mapper);
        this.account = account;
    }

    @Override
    protected void resetSimulator() {
        account.reset();
    }

    @Override
    protected ObjectNode simulatorState(UriInfo uri) {
        return account.state();
    }

    @POST
    @Path("portal/users")
    public Response addUser(String body) {
        return control(201, () -> {
            ObjectNode user = object(body);
            return account.addUser(text(user, "firstName"), text(user, "lastName"), text(user, "email"),
                    text(user, "loginName"), text(user, "lineType"), text(user, "extension"),
                    user.hasNonNull("locationId") ? user.get("locationId").asLong() : null, text(user, "did"));
        });
    }

    @POST
    @Path("portal/users/{id}/extensions")
    public Response giveLine(@PathParam("id") String id, String body) {
        return control(201, () -> {
            ObjectNode line = object(body);
            return account.giveLine(userId(id), text(line, "lineType"), text(line, "extension"),
                    line.hasNonNull("locationId") ? line.get("locationId").asLong() : null, text(line, "did"));
        });
    }

    @DELETE
    @Path("portal/users/{id}/extensions")
    public Response removeLine(@PathParam("id") String id) {
        return control(() -> account.removeLine(userId(id)));
    }

    @PUT
    @Path("portal/users/{id}/line")
    public Response changeLine(@PathParam("id") String id, String body) {
        return control(() -> account.changeLineType(userId(id), text(object(body), "lineType")));
    }

    @DELETE
    @Path("portal/users/{id}")
    public Response deleteUser(@PathParam("id") String id) {
        return control(() -> {
            account.deleteUser(userId(id));
            return account.state();
        });
    }

    @POST
    @Path("portal/extensions/{extension}/numbers")
    public Response assignNumber(@PathParam("extension") String extension, String body) {
        return control(() -> account.assignNumber(extension, text(object(body), "did")));
    }

    @POST
    @Path("portal/numbers/{did}/release")
    public Response release(@PathParam("did") String did) {
        return control(() -> {
            account.releaseNumber(did);
            return account.state();
        });
    }

    @POST
    @Path("portal/refresh-token")
    public Response refreshToken() {
        return control(() -> JsonNodeFactory.instance.objectNode().put("refresh_token", account.issue()[1]));
    }

    private static long userId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ControlRefusal(404, "No user " + id, java.util.List.of());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
