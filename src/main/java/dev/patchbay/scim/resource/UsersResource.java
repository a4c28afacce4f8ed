package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.provisioning.GroupMembership;
import dev.patchbay.provisioning.QueryResult;
import dev.patchbay.provisioning.ResourceQuery;
import dev.patchbay.provisioning.ResourceReads;
import dev.patchbay.provisioning.StoredUser;
import dev.patchbay.provisioning.UserCreates;
import dev.patchbay.provisioning.UserData;
import dev.patchbay.provisioning.UserDetails;
import dev.patchbay.provisioning.SynchronousCreates;
import dev.patchbay.provisioning.UserService;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.provisioning.VendorAccounts;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /Users} of one connection (RFC 7644 §3). */
@Path("/scim/v2/{connection}/Users")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class UsersResource {

    private final UserService users;
    private final SynchronousCreates synchronousCreates;
    private final VendorAccounts accounts;
    private final ScimRequests requests;
    private final ScimCaller caller;
    private final UserDetails userDetails;
    private final ResourceReads reads;
    private final UserCreates creates;

    public UsersResource(UserService users, SynchronousCreates synchronousCreates, VendorAccounts accounts,
            ScimRequests requests, ScimCaller caller, UserDetails userDetails, ResourceReads reads, UserCreates creates) {
        this.userDetails = userDetails;
        this.creates = creates;
        this.reads = reads;
        this.users = users;
        this.synchronousCreates = synchronousCreates;
        this.accounts = accounts;
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        UserData data = UserRepresentation.toData(
                ResourceValidator.validate(schema(), requests.resourceBody(ResourceKind.USER, body)));
        UserCreates.Outcome outcome = creates.create(caller.connectionId(), data);
        UserService.Created created = outcome.created();
        StoredUser user = created.user();
        if (!created.reactivated()) {
            vendorRejection(outcome, user.id()).ifPresent(rejection -> {
                throw rejection.conflict()
                        ? new ScimException(409, "uniqueness", "The vendor has a conflicting account: " + rejection.reason())
                        : new ScimException(400, "invalidValue", "The vendor refused the user: " + rejection.reason());
            });
        }
        String location = location(uriInfo, user.id());
        // A new user belongs to no group; a reactivated one may. A new user has a vendor account only when
        // the connection waited for the vendor.
        VendorAccount account = outcome.synchronousSeconds() == 0 ? null
                : accounts.find(caller.connectionId(), user.id()).orElse(null);
        ObjectNode representation = created.reactivated() ? representation(user, location, projection)
                : UserRepresentation.toScim(schema(), user, List.of(), location, account);
        return ScimResponses.created(projection.apply(representation), location, user.version());
    }

    /** The synchronous wait, when the connection asks for one; the group commit read its setting already. */
    private Optional<SynchronousCreates.Rejection> vendorRejection(UserCreates.Outcome outcome, UUID userId) {
        return outcome.synchronousSeconds() < 0 ? synchronousCreates.afterCreate(caller.connectionId(), userId)
                : synchronousCreates.afterCreate(caller.connectionId(), userId, outcome.synchronousSeconds());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-None-Match") String ifNoneMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        ResourceReads.UserPage page = reads.users(caller.connectionId(),
                ResourceQuery.byId(ResourceIds.parse("User", id)), projection.returns("groups"));
        if (page.result().items().isEmpty()) {
            throw ResourceIds.notFound("User", id);
        }
        StoredUser user = page.result().items().get(0);
        if (Preconditions.notModified(ifNoneMatch, user.version())) {
            return ScimResponses.notModified(user.version());
        }
        return ScimResponses.ok(projection.apply(representation(user, location(uriInfo, user.id()), page.details())),
                user.version());
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
        ResourceReads.UserPage page = reads.users(caller.connectionId(), requests.query(ResourceKind.USER, request),
                projection.returns("groups"));
        QueryResult<StoredUser> result = page.result();
        String endpoint = ScimResponses.endpointLocation(uriInfo, caller.connectionId(), "Users");
        List<ObjectNode> resources = result.items().stream()
                .map(user -> projection.apply(representation(user, endpoint + "/" + user.id(), page.details())))
                .toList();
        return ListResponses.of(request, resources, result.total());
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-Match") String ifMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        ObjectNode replacement = ResourceValidator.validate(schema(), requests.resourceBody(ResourceKind.USER, body));
        StoredUser user = users.update(caller.connectionId(), ResourceIds.parse("User", id),
                Preconditions.requiredVersion(ifMatch), current -> {
                    ResourceValidator.checkImmutable(schema(), current.data().attributes(), replacement);
                    return UserRepresentation.toData(replacement);
                });
        return ScimResponses.ok(projection.apply(representation(user, location(uriInfo, user.id()), projection)),
                user.version());
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @HeaderParam("If-Match") String ifMatch,
            UriInfo uriInfo) {
        AttributeProjection projection = AttributeProjection.of(schema(), attributes, excluded);
        List<JsonNode> operations = PatchEngine.operations(requests.patchBody(ResourceKind.USER, body));
        UUID userId = ResourceIds.parse("User", id);
        StoredUser user = operations.isEmpty()
                ? users.find(caller.connectionId(), userId).orElseThrow(() -> ResourceIds.notFound("User", id))
                : users.update(caller.connectionId(), userId, Preconditions.requiredVersion(ifMatch),
                        current -> patched(current, operations));
        return ScimResponses.ok(projection.apply(representation(user, location(uriInfo, user.id()), projection)),
                user.version());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        users.delete(caller.connectionId(), ResourceIds.parse("User", id), Preconditions.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    private UserData patched(StoredUser current, List<JsonNode> operations) {
        ObjectNode before = current.data().attributes();
        ObjectNode after = new PatchEngine(schema(), null).apply(before, operations);
        after.set("schemas", ResourceJson.schemas(schema(), after));
        ObjectNode validated = ResourceValidator.validate(schema(), after);
        ResourceValidator.checkImmutable(schema(), before, validated);
        if (!validated.has("active")) {
            // Removing active leaves it unassigned: the user stays as it was and is never switched back on.
            validated.put("active", current.data().active());
        }
        return UserRepresentation.toData(validated);
    }

    private ObjectNode representation(StoredUser user, String location, AttributeProjection projection) {
        return representation(user, location, userDetails.of(caller.connectionId(), List.of(user.id()),
                projection.returns("groups")));
    }

    private ObjectNode representation(StoredUser user, String location, UserDetails.Details details) {
        return UserRepresentation.toScim(schema(), user, details.groups().getOrDefault(user.id(), List.of()), location,
                details.statuses().get(user.id()));
    }

    private String location(UriInfo uriInfo, UUID id) {
        return ScimResponses.location(uriInfo, caller.connectionId(), "Users", id);
    }

    private ResourceSchema schema() {
        return requests.schema(ResourceKind.USER);
    }

}
