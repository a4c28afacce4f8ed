package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.provisioning.GroupData;
import dev.patchbay.provisioning.GroupEdit;
import dev.patchbay.provisioning.GroupService;
import dev.patchbay.provisioning.Member;
import dev.patchbay.provisioning.QueryResult;
import dev.patchbay.provisioning.ResourceQuery;
import dev.patchbay.provisioning.ResourceReads;
import dev.patchbay.provisioning.StoredGroup;
import dev.patchbay.scim.ListResponse;
import dev.patchbay.scim.ScimMediaType;
import dev.patchbay.scim.auth.ScimCaller;
import dev.patchbay.scim.dialect.ResourceKind;
import dev.patchbay.scim.error.ScimException;
import dev.patchbay.scim.patch.PatchEngine;
import dev.patchbay.scim.schema.ResourceSchema;
import dev.patchbay.scim.schema.ResourceValidator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /Groups} of one connection; members are stored as rows, never as one list. */
@Path("/scim/v2/{connection}/Groups")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class GroupsResource {

    private final GroupService groups;
    private final ScimRequests requests;
    private final ScimCaller caller;
    private final ResourceReads reads;

    public GroupsResource(GroupService groups, ScimRequests requests, ScimCaller caller, ResourceReads reads) {
        this.reads = reads;
        this.groups = groups;
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        ObjectNode validated = ResourceValidator.validate(schema(), requests.resourceBody(ResourceKind.GROUP, body));
        StoredGroup group = groups.create(caller.connectionId(), GroupRepresentation.toData(validated),
                memberIds(validated.get("members")));
        String location = location(uriInfo, group.id());
        return ScimResponses.created(projection.apply(representation(group, location, projection)), location,
                group.version());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-None-Match") String ifNoneMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        boolean withMembers = projection.returns("members");
        ResourceReads.GroupPage page = reads.groups(caller.connectionId(),
                ResourceQuery.byId(ResourceIds.parse("Group", id)), withMembers);
        if (page.result().items().isEmpty()) {
            throw ResourceIds.notFound("Group", id);
        }
        StoredGroup group = page.result().items().get(0);
        if (Preconditions.notModified(ifNoneMatch, group.version())) {
            return ScimResponses.notModified(group.version());
        }
        return ScimResponses.ok(projection.apply(GroupRepresentation.toScim(schema(), group,
                withMembers ? page.members().get(group.id()) : null, location(uriInfo, group.id()))), group.version());
    }

    @GET
    public ListResponse<ObjectNode> list(@BeanParam ListParameters parameters, UriInfo uriInfo) {
        return search(parameters.toRequest(requests.maxResults()), uriInfo);
    }

    @POST
    @Path(".search")
    public ListResponse<ObjectNode> searchByPost(String body, UriInfo uriInfo) {
        return search(SearchRequests.read(requests.object(body), requests.maxResults()), uriInfo);
    }

    ListResponse<ObjectNode> search(ListRequest request, UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), request.attributes(),
                request.excludedAttributes());
        boolean withMembers = projection.returns("members");
        ResourceReads.GroupPage page = reads.groups(caller.connectionId(), requests.query(ResourceKind.GROUP, request),
                withMembers);
        QueryResult<StoredGroup> result = page.result();
        String endpoint = ScimResponses.endpointLocation(uriInfo, caller.connectionId(), "Groups");
        List<ObjectNode> resources = result.items().stream()
                .map(group -> projection.apply(GroupRepresentation.toScim(schema(), group,
                        withMembers ? page.members().getOrDefault(group.id(), List.of()) : null,
                        endpoint + "/" + group.id())))
                .toList();
        return ListResponses.of(request, resources, result.total());
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-Match") String ifMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        ObjectNode replacement = ResourceValidator.validate(schema(), requests.resourceBody(ResourceKind.GROUP, body));
        List<UUID> memberIds = memberIds(replacement.get("members"));
        StoredGroup group = groups.update(caller.connectionId(), ResourceIds.parse("Group", id),
                Preconditions.requiredVersion(ifMatch), edit -> {
                    ResourceValidator.checkImmutable(schema(), edit.current().data().attributes(), replacement);
                    edit.replaceMembers(memberIds);
                    return GroupRepresentation.toData(replacement);
                });
        return ScimResponses.ok(projection.apply(representation(group, location(uriInfo, group.id()), projection)),
                group.version());
    }

    /** 204 as Entra prefers, unless the request asks for attributes. */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-Match") String ifMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        List<JsonNode> operations = PatchEngine.operations(requests.patchBody(ResourceKind.GROUP, body));
        UUID groupId = ResourceIds.parse("Group", id);
        StoredGroup group = operations.isEmpty()
                ? groups.find(caller.connectionId(), groupId).orElseThrow(() -> ResourceIds.notFound("Group", id))
                : groups.update(caller.connectionId(), groupId, Preconditions.requiredVersion(ifMatch),
                        edit -> patched(edit, operations));
        if (attributes == null && excluded == null) {
            return ScimResponses.noContent(group.version());
        }
        return ScimResponses.ok(projection.apply(representation(group, location(uriInfo, group.id()), projection)),
                group.version());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        groups.delete(caller.connectionId(), ResourceIds.parse("Group", id), Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    private GroupData patched(GroupEdit edit, List<JsonNode> operations) {
        ObjectNode before = edit.current().data().attributes();
        ObjectNode after = new PatchEngine(schema(), new PatchEngine.MemberChanges() {
            @Override
            public void add(List<UUID> ids) {
                edit.addMembers(ids);
            }

            @Override
            public void remove(List<UUID> ids) {
                edit.removeMembers(ids);
            }

            @Override
            public void removeAll() {
                edit.removeAllMembers();
            }

            @Override
            public void replace(List<UUID> ids) {
                edit.replaceMembers(ids);
            }
        }).apply(before, operations);
        after.set("schemas", ResourceJson.schemas(schema(), after));
        ObjectNode validated = ResourceValidator.validate(schema(), after);
        ResourceValidator.checkImmutable(schema(), before, validated);
        return GroupRepresentation.toData(validated);
    }

    private ObjectNode representation(StoredGroup group, String location, AttributeProjection projection) {
        List<Member> members = projection.returns("members")
                ? groups.membersOf(List.of(group.id())).getOrDefault(group.id(), List.of()) : null;
        return GroupRepresentation.toScim(schema(), group, members, location);
    }

    /** The ids of a validated members array; each must be a UUID this server issued. */
    private static List<UUID> memberIds(JsonNode members) {
        List<UUID> ids = new ArrayList<>();
        if (members != null) {
            for (JsonNode member : members) {
                String value = member.path("value").asText("");
                try {
                    ids.add(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    throw new ScimException(400, "invalidValue",
                            "No user or group with id '" + value + "' in this connection");
                }
            }
        }
        return ids;
    }

    private String location(UriInfo uriInfo, UUID id) {
        return ScimResponses.location(uriInfo, caller.connectionId(), "Groups", id);
    }

    private ResourceSchema schema() {
        return requests.schema(ResourceKind.GROUP);
    }
}
