package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ScimRefusal;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/** The simulated 8x8 SCIM API ({@code https://platform.8x8.com/udi/customers/{customerId}/scim/v2/Users}). */
@Path("/sandbox/8x8/udi/customers/{customerId}/scim/v2/Users")
public class ScimUsersResource {

    static final int MAX_COUNT = 1000;

    private final Customer customer;
    private final ScimGate gate;
    private final ObjectMapper mapper;

    public ScimUsersResource(Customer customer, ScimGate gate, ObjectMapper mapper) {
        this.customer = customer;
        this.gate = gate;
        this.mapper = mapper;
    }

    @POST
    public Uni<Response> create(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("customerId") String customerId, String body) {
        return gate.handle(headers, customerId, () -> {
            ScimUserInput input = ScimUserInput.parse(BodyReader.object(mapper, body), customer);
            SandboxUser user = customer.scimCreate(input);
            ObjectNode json = ScimJson.user(user, customer, usersUrl(uri, customerId));
            return gate.json(201, json).location(URI.create(json.path("meta").path("location").asText()));
        });
    }

    @GET
    public Uni<Response> list(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("customerId") String customerId, @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        return gate.handle(headers, customerId, () -> {
            Predicate<SandboxUser> matches;
            try {
                matches = ScimFilter.parse(filter);
            } catch (IllegalArgumentException e) {
                throw new ScimRefusal(400, "invalidFilter", e.getMessage());
            }
            int start = Math.max(1, integer(startIndex, "startIndex", 1));
            int size = Math.min(MAX_COUNT, Math.max(0, integer(count, "count", 100)));
            List<SandboxUser> users = customer.users().stream().filter(matches).toList();
            int from = Math.min(start - 1, users.size());
            int to = Math.min(from + size, users.size());
            String url = usersUrl(uri, customerId);
            List<ObjectNode> page = users.subList(from, to).stream()
                    .map(user -> ScimJson.user(user, customer, url)).toList();
            return gate.json(200, ScimJson.list(page, users.size(), start));
        });
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("customerId") String customerId, @PathParam("id") String id) {
        return gate.handle(headers, customerId, () -> customer.user(id)
                .map(user -> gate.json(200, ScimJson.user(user, customer, usersUrl(uri, customerId))))
                .orElseThrow(() -> new ScimRefusal(404, null, "User not found: " + id)));
    }

    @PUT
    @Path("{id}")
    public Uni<Response> replace(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("customerId") String customerId, @PathParam("id") String id, String body) {
        return gate.handle(headers, customerId, () -> {
            customer.user(id).orElseThrow(() -> new ScimRefusal(404, null, "User not found: " + id));
            ScimUserInput input = ScimUserInput.parse(BodyReader.object(mapper, body), customer);
            SandboxUser user = customer.scimReplace(id, input);
            return gate.json(200, ScimJson.user(user, customer, usersUrl(uri, customerId)));
        });
    }

    @PATCH
    @Path("{id}")
    public Uni<Response> patch(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("customerId") String customerId, @PathParam("id") String id, String body) {
        return gate.handle(headers, customerId, () -> {
            customer.user(id).orElseThrow(() -> new ScimRefusal(404, null, "User not found: " + id));
            boolean active = ScimPatch.activeValue(BodyReader.object(mapper, body));
            SandboxUser user = customer.scimSetActive(id, active);
            return gate.json(200, ScimJson.user(user, customer, usersUrl(uri, customerId)));
        });
    }

    /** 8x8 does not delete over SCIM: DELETE deactivates the user. */
    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@Context HttpHeaders headers, @PathParam("customerId") String customerId,
            @PathParam("id") String id) {
        return gate.handle(headers, customerId, () -> {
            customer.scimSetActive(id, false);
            return Response.noContent();
        });
    }

    private static int integer(String value, String name, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ScimRefusal(400, "invalidValue", name + " must be an integer");
        }
    }

    private static String usersUrl(UriInfo uri, String customerId) {
        return uri.getBaseUriBuilder().path("sandbox/8x8/udi/customers/{customerId}/scim/v2/Users")
                .build(customerId).toString();
    }
}
