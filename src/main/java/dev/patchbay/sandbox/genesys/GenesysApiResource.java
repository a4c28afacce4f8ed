package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.ArrayList;
import java.util.List;

/** The simulated Platform API v2 endpoints the gateway uses. */
@Path("/sandbox/genesys/api/v2")
public class GenesysApiResource {

    private static final List<String> DIVISION_OBJECT_TYPES = List.of("CAMPAIGN", "MANAGEMENTUNIT", "FLOW", "QUEUE",
            "DATATABLES", "USER");

    private final GenesysOrg org;
    private final GenesysGate gate;

    public GenesysApiResource(GenesysOrg org, GenesysGate gate) {
        this.org = org;
        this.gate = gate;
    }

    // ---- users ----

    @POST
    @Path("users")
    public Uni<Response> createUser(@Context HttpHeaders headers, String body) {
        return gate.api(headers, () -> gate.json(200, org.createUser(gate.object(body))));
    }

    @GET
    @Path("users")
    public Uni<Response> listUsers(@Context HttpHeaders headers, @QueryParam("pageSize") String pageSize,
            @QueryParam("pageNumber") String pageNumber, @QueryParam("state") String state) {
        return gate.api(headers, () -> gate.json(200, org.listUsers(state, number(pageSize, 25),
                number(pageNumber, 1))));
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw GenesysFailure.badRequest("'" + value + "' is not a number");
        }
    }

    @GET
    @Path("users/{userId}")
    public Uni<Response> getUser(@Context HttpHeaders headers, @PathParam("userId") String userId,
            @QueryParam("state") String state) {
        return gate.api(headers, () -> gate.json(200, org.getUser(userId, state)));
    }

    @PATCH
    @Path("users/{userId}")
    public Uni<Response> patchUser(@Context HttpHeaders headers, @PathParam("userId") String userId, String body) {
        return gate.api(headers, () -> gate.json(200, org.patchUser(userId, gate.object(body))));
    }

    @DELETE
    @Path("users/{userId}")
    public Uni<Response> deleteUser(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.api(headers, () -> {
            org.deleteUser(userId);
            return Response.ok("{}", "application/json");
        });
    }

    @POST
    @Path("users/search")
    public Uni<Response> search(@Context HttpHeaders headers, String body) {
        return gate.api(headers, () -> gate.json(200, org.search(gate.object(body))));
    }

    // ---- routing skills ----

    @GET
    @Path("users/{userId}/routingskills")
    public Uni<Response> skills(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.api(headers, () -> gate.json(200, org.skillsOf(userId)));
    }

    @PATCH
    @Path("users/{userId}/routingskills/bulk")
    public Uni<Response> mergeSkills(@Context HttpHeaders headers, @PathParam("userId") String userId,
            String body) {
        return gate.api(headers, () -> gate.json(200, org.setSkills(userId, false, array(body))));
    }

    @PUT
    @Path("users/{userId}/routingskills/bulk")
    public Uni<Response> replaceSkills(@Context HttpHeaders headers, @PathParam("userId") String userId,
            String body) {
        return gate.api(headers, () -> gate.json(200, org.setSkills(userId, true, array(body))));
    }

    @GET
    @Path("routing/skills")
    public Uni<Response> skillCatalogue(@Context HttpHeaders headers) {
        return gate.api(headers, () -> gate.json(200, org.skillsListing()));
    }

    // ---- queues ----

    @GET
    @Path("users/{userId}/queues")
    public Uni<Response> queuesOfUser(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.api(headers, () -> gate.json(200, org.queuesOf(userId)));
    }

    @GET
    @Path("routing/queues")
    public Uni<Response> queues(@Context HttpHeaders headers) {
        return gate.api(headers, () -> gate.json(200, org.queuesListing()));
    }

    @POST
    @Path("routing/queues/{queueId}/members")
    public Uni<Response> members(@Context HttpHeaders headers, @PathParam("queueId") String queueId,
            @QueryParam("delete") @DefaultValue("false") boolean delete, String body) {
        return gate.api(headers, () -> {
            org.queueMembers(queueId, delete, array(body));
            return Response.noContent();
        });
    }

    @GET
    @Path("routing/queues/{queueId}/members")
    public Uni<Response> listMembers(@Context HttpHeaders headers, @PathParam("queueId") String queueId) {
        return gate.api(headers, () -> gate.json(200, org.queueMembersListing(queueId)));
    }

    // ---- licenses ----

    /**
     * Accepts the documented {@code {"assignments":[{licenseId, userIdsAdd[], userIdsRemove[]}]}} and the
     * flat {@code {"actions":[{userId, licenseId, action}]}}; answers one status per user and license.
     */
    @POST
    @Path("license/organization")
    public Uni<Response> licenseBatch(@Context HttpHeaders headers, String body) {
        return gate.api(headers, () -> {
            ObjectNode json = gate.object(body);
            List<String[]> actions = new ArrayList<>();
            if (json.has("actions")) {
                for (JsonNode action : requireArray(json.get("actions"), "actions")) {
                    actions.add(new String[] {text(action, "userId"), text(action, "licenseId"),
                        text(action, "action")});
                }
            }
            if (json.has("assignments")) {
                for (JsonNode assignment : requireArray(json.get("assignments"), "assignments")) {
                    String licenseId = text(assignment, "licenseId");
                    assignment.path("userIdsAdd").forEach(id -> actions.add(new String[] {id.asText(), licenseId,
                        "add"}));
                    assignment.path("userIdsRemove").forEach(id -> actions.add(new String[] {id.asText(), licenseId,
                        "remove"}));
                }
            }
            if (actions.isEmpty()) {
                throw GenesysFailure.badRequest("actions or assignments are required");
            }
            return gate.json(200, org.licenseBatch(actions));
        });
    }

    /** Body: role ids; answer: the license ids those roles need. */
    @POST
    @Path("license/infer")
    public Uni<Response> inferLicenses(@Context HttpHeaders headers, String body) {
        return gate.api(headers, () -> {
            List<String> roleIds = new ArrayList<>();
            for (JsonNode id : array(body)) {
                if (!id.isTextual()) {
                    throw GenesysFailure.badRequest("body must be a JSON array of role ids");
                }
                roleIds.add(id.textValue());
            }
            return gate.json(200, org.inferLicenses(roleIds));
        });
    }

    @GET
    @Path("license/users")
    public Uni<Response> licenseUsers(@Context HttpHeaders headers,
            @QueryParam("pageSize") @DefaultValue("25") int pageSize,
            @QueryParam("pageNumber") @DefaultValue("1") int pageNumber) {
        return gate.api(headers, () -> gate.json(200, org.licenseUsers(Math.max(1, pageSize),
                Math.max(1, pageNumber))));
    }

    @GET
    @Path("license/users/{userId}")
    public Uni<Response> licenseUser(@Context HttpHeaders headers, @PathParam("userId") String userId) {
        return gate.api(headers, () -> gate.json(200, org.licenseUser(userId)));
    }

    // ---- authorization ----

    /** Body {@code [{roleId, divisionId}]} or the documented {@code {"grants":[…]}}. */
    @POST
    @Path("authorization/subjects/{subjectId}/{operation: bulkadd|bulkremove|bulkreplace}")
    public Uni<Response> bulkGrants(@Context HttpHeaders headers, @PathParam("subjectId") String subjectId,
            @PathParam("operation") String operation, String body) {
        return gate.api(headers, () -> {
            JsonNode json = gate.parse(body);
            JsonNode list = json.isObject() ? json.get("grants") : json;
            List<String[]> pairs = new ArrayList<>();
            for (JsonNode grant : requireArray(list, "grants")) {
                pairs.add(new String[] {text(grant, "roleId"), text(grant, "divisionId")});
            }
            org.grants(subjectId, operation, pairs);
            return Response.noContent();
        });
    }

    /**
     * "Assign a list of objects to a division": the body is the ids of the objects, all of one type; the
     * sandbox holds users only. Answers 204 (the SDKs' return type is void).
     */
    @POST
    @Path("authorization/divisions/{divisionId}/objects/{objectType}")
    public Uni<Response> assignToDivision(@Context HttpHeaders headers, @PathParam("divisionId") String divisionId,
            @PathParam("objectType") String objectType, String body) {
        return gate.api(headers, () -> {
            if (!DIVISION_OBJECT_TYPES.contains(objectType)) {
                throw GenesysFailure.badRequest("objectType must be one of " + String.join(", ", DIVISION_OBJECT_TYPES));
            }
            if (!objectType.equals("USER")) {
                throw GenesysFailure.badRequest("The sandbox holds no " + objectType + " objects");
            }
            List<String> userIds = new ArrayList<>();
            for (JsonNode id : array(body)) {
                if (!id.isTextual() || id.textValue().isBlank()) {
                    throw GenesysFailure.badRequest("body must be a JSON array of object ids");
                }
                userIds.add(id.textValue());
            }
            if (userIds.isEmpty()) {
                throw GenesysFailure.badRequest("body must name at least one object id");
            }
            org.moveToDivision(divisionId, userIds);
            return Response.noContent();
        });
    }

    @GET
    @Path("authorization/subjects/{subjectId}")
    public Uni<Response> subject(@Context HttpHeaders headers, @PathParam("subjectId") String subjectId) {
        return gate.api(headers, () -> gate.json(200, org.subject(subjectId)));
    }

    @GET
    @Path("authorization/roles")
    public Uni<Response> roles(@Context HttpHeaders headers) {
        return gate.api(headers, () -> gate.json(200, org.rolesListing()));
    }

    @GET
    @Path("authorization/divisions")
    public Uni<Response> divisions(@Context HttpHeaders headers) {
        return gate.api(headers, () -> gate.json(200, org.divisionsListing()));
    }

    private List<JsonNode> array(String body) {
        List<JsonNode> list = new ArrayList<>();
        requireArray(gate.parse(body), "body").forEach(list::add);
        return list;
    }

    private static JsonNode requireArray(JsonNode node, String name) {
        if (node == null || !node.isArray()) {
            throw GenesysFailure.badRequest(name + " must be a JSON array");
        }
        return node;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw GenesysFailure.badRequest(name + " is required");
        }
        return value.textValue();
    }
}
