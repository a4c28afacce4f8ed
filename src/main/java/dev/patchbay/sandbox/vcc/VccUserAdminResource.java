package dev.patchbay.sandbox.vcc;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The simulated User Admin API ({@code https://{region}.api.newvoicemedia.com/useradmin}). */
@Path("/sandbox/vcc/useradmin")
public class VccUserAdminResource {

    private static final String READ = "users:read";
    private static final String WRITE = "users:write";

    private final VccAccount account;
    private final VccGate gate;

    public VccUserAdminResource(VccAccount account, VccGate gate) {
        this.account = account;
        this.gate = gate;
    }

    @POST
    @Path("users")
    public Response create(@Context HttpHeaders headers, @QueryParam("allowOverages") boolean allowOverages,
            String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(201, account.createUser(gate.object(body), allowOverages)));
    }

    @GET
    @Path("users")
    public Response list(@Context HttpHeaders headers, @QueryParam("include") String include,
            @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.listUsers(include, page, limit)));
    }

    @GET
    @Path("users/{userId}")
    public Response get(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.getUser(userId)));
    }

    @PATCH
    @Path("users/{userId}")
    public Response patch(@Context HttpHeaders headers, @PathParam("userId") String userId,
            @QueryParam("acceptArchiveInMultipleAccounts") boolean acceptArchive,
            @QueryParam("allowOverages") boolean allowOverages, String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(200,
                account.patchUser(userId, gate.object(body), acceptArchive, allowOverages)));
    }

    @DELETE
    @Path("users/{userId}")
    public Response delete(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.userAdmin(headers, WRITE, () -> {
            account.deleteUser(userId);
            return gate.message(200, "User deleted");
        });
    }

    @GET
    @Path("users/{userId}/skills")
    public Response skills(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.skillsOf(userId)));
    }

    @PUT
    @Path("users/{userId}/skills")
    public Response replaceSkills(@Context HttpHeaders headers, @PathParam("userId") String userId, String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(200, account.replaceSkills(userId, gate.object(body))));
    }

    @GET
    @Path("users/{userId}/groups")
    public Response groups(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.groupsOf(userId)));
    }

    @PUT
    @Path("users/{userId}/groups")
    public Response replaceGroups(@Context HttpHeaders headers, @PathParam("userId") String userId, String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(200, account.replaceGroups(userId, gate.object(body))));
    }

    @PATCH
    @Path("users/{userId}/licenses")
    public Response licenses(@Context HttpHeaders headers, @PathParam("userId") String userId, String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(200, account.updateLicenses(userId, gate.object(body))));
    }

    @GET
    @Path("skills")
    public Response skillCatalogue(@Context HttpHeaders headers) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.skillCatalogue()));
    }

    @GET
    @Path("skills/{skillId}/users")
    public Response skillUsers(@Context HttpHeaders headers, @PathParam("skillId") String skillId) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.skillUsers(skillId)));
    }

    @PUT
    @Path("skills/{skillId}/users")
    public Response replaceSkillUsers(@Context HttpHeaders headers, @PathParam("skillId") String skillId, String body) {
        return gate.userAdmin(headers, WRITE, () -> gate.json(200, account.replaceSkillUsers(skillId, gate.object(body))));
    }

    @GET
    @Path("groups")
    public Response groupCatalogue(@Context HttpHeaders headers) {
        return gate.userAdmin(headers, READ, () -> gate.json(200, account.groupCatalogue()));
    }
}
