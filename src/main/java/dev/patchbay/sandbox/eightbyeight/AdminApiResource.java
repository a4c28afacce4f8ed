package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The simulated 8x8 Admin API ({@code https://api.8x8.com/admin-provisioning}): users, operations, sites, licenses. */
@Path("/sandbox/8x8/admin-provisioning")
public class AdminApiResource {

    static final String USERS_TYPE = "application/vnd.users.v1+json";
    static final String OPERATIONS_TYPE = "application/vnd.operations.v1+json";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final Customer customer;
    private final AdminGate gate;
    private final ObjectMapper mapper;

    public AdminApiResource(Customer customer, AdminGate gate, ObjectMapper mapper) {
        this.customer = customer;
        this.gate = gate;
        this.mapper = mapper;
    }

    @GET
    @Path("users")
    public Uni<Response> list(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("filter") String filter,
            @QueryParam("sort") String sort, @QueryParam("pageSize") String pageSize,
            @QueryParam("scrollId") String scrollId) {
        return gate.handle(headers, uri, () -> {
            ScrollCursor cursor = cursor(filter, sort, pageSize, scrollId);
            Predicate<SandboxUser> matches;
            try {
                matches = RsqlFilter.parse(cursor.filter());
            } catch (IllegalArgumentException e) {
                throw new AdminFailure(AdminError.of(400, "BAD_REQUEST", "filter", e.getMessage()));
            }
            List<SandboxUser> users = customer.users().stream().filter(matches).sorted(order(cursor.sort())).toList();
            int from = Math.min(cursor.offset(), users.size());
            int to = Math.min(from + cursor.pageSize(), users.size());
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode data = page.putArray("data");
            users.subList(from, to).forEach(user -> data.add(AdminJson.user(user, customer)));
            ObjectNode pagination = page.putObject("pagination");
            pagination.put("pageSize", cursor.pageSize());
            pagination.put("pageNumber", cursor.offset() / cursor.pageSize());
            pagination.put("hasMore", to < users.size());
            pagination.put("filter", cursor.filter());
            pagination.put("sort", cursor.sort());
            if (to < users.size()) {
                pagination.put("nextScrollId",
                        new ScrollCursor(cursor.filter(), cursor.sort(), to, cursor.pageSize()).encode());
            }
            return gate.json(200, USERS_TYPE, page);
        });
    }

    @GET
    @Path("users/{userId}")
    public Uni<Response> get(@Context HttpHeaders headers, @Context UriInfo uri, @PathParam("userId") String userId) {
        return gate.handle(headers, uri, () -> customer.user(userId)
                .map(user -> gate.json(200, USERS_TYPE, AdminJson.user(user, customer)))
                .orElseThrow(() -> new RuleBroken(RuleBroken.Kind.NOT_FOUND, null, "User not found: " + userId)));
    }

    @POST
    @Path("users")
    public Uni<Response> create(@Context HttpHeaders headers, @Context UriInfo uri, String body) {
        return gate.handle(headers, uri, () -> {
            AdminGate.requireUsersMediaType(headers);
            ObjectNode json = BodyReader.object(mapper, body);
            checkCustomer(json);
            AdminUserInput input = AdminUserInput.parse(json, customer, true);
            return accepted(customer.submitCreate(input), uri);
        });
    }

    @PUT
    @Path("users/{userId}")
    public Uni<Response> replace(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("userId") String userId, String body) {
        return gate.handle(headers, uri, () -> {
            AdminGate.requireUsersMediaType(headers);
            ObjectNode json = BodyReader.object(mapper, body);
            checkCustomer(json);
            JsonNode bodyUserId = json.path("basicInfo").path("userId");
            if (!bodyUserId.isMissingNode() && !bodyUserId.isNull() && !userId.equals(bodyUserId.asText())) {
                throw new AdminFailure(AdminError.of(400, "BAD_REQUEST", "basicInfo.userId",
                        "Mismatched userId in url vs payload"));
            }
            AdminUserInput input = AdminUserInput.parse(json, customer, false);
            return accepted(customer.submitUpdate(userId, input), uri);
        });
    }

    @DELETE
    @Path("users/{userId}")
    public Uni<Response> delete(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("userId") String userId) {
        return gate.handle(headers, uri, () -> accepted(customer.submitDelete(userId), uri));
    }

    @GET
    @Path("operations/{operationId}")
    public Uni<Response> operation(@Context HttpHeaders headers, @Context UriInfo uri,
            @PathParam("operationId") String operationId) {
        return gate.handle(headers, uri, () -> customer.operation(operationId)
                .map(operation -> gate.json(200, OPERATIONS_TYPE,
                        AdminJson.operation(operation, customer.customerId(), base(uri))))
                .orElseThrow(() -> new RuleBroken(RuleBroken.Kind.NOT_FOUND, null,
                        "Operation not found: " + operationId)));
    }

    @GET
    @Path("sites")
    public Uni<Response> sites(@Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.handle(headers, uri, () -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode data = body.putArray("data");
            customer.sites().forEach(site -> data.add(AdminJson.site(site)));
            return gate.json(200, MediaType.APPLICATION_JSON, body);
        });
    }

    @GET
    @Path("licenses")
    public Uni<Response> licenses(@Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.handle(headers, uri, () -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode data = body.putArray("data");
            customer.licenses().forEach(license -> data.add(AdminJson.license(license)));
            return gate.json(200, MediaType.APPLICATION_JSON, body);
        });
    }

    private Response.ResponseBuilder accepted(Operation operation, UriInfo uri) {
        String base = base(uri);
        return gate.json(202, OPERATIONS_TYPE, AdminJson.operation(operation, customer.customerId(), base))
                .location(URI.create(base + "/operations/" + operation.operationId()));
    }

    private void checkCustomer(ObjectNode body) {
        JsonNode customerId = body.path("basicInfo").path("customerId");
        if (customerId.isTextual() && !customerId.textValue().equals(customer.customerId())) {
            String message = "CustomerId mismatch: " + customerId.textValue() + " vs " + customer.customerId();
            throw new AdminFailure(new AdminError(403, "Forbidden", message,
                    List.of(new AdminError.Item(null, "FORBIDDEN", message))));
        }
    }

    private static ScrollCursor cursor(String filter, String sort, String pageSize, String scrollId) {
        Integer size = pageSize(pageSize);
        if (scrollId != null && !scrollId.isBlank()) {
            if (filter != null || sort != null) {
                throw new AdminFailure(AdminError.of(400, "CONFLICTING_QUERY_PARAMETER", "scrollId",
                        "scrollId cannot be combined with filter or sort"));
            }
            try {
                ScrollCursor cursor = ScrollCursor.decode(scrollId);
                return size == null ? cursor
                        : new ScrollCursor(cursor.filter(), cursor.sort(), cursor.offset(), size);
            } catch (IllegalArgumentException e) {
                throw new AdminFailure(AdminError.of(400, "BAD_REQUEST", "scrollId", "Invalid scrollId"));
            }
        }
        if (sort != null && !sort.equals("basicInfo.userName") && !sort.equals("-basicInfo.userName")) {
            throw new AdminFailure(AdminError.of(400, "BAD_REQUEST", "sort",
                    "Only basicInfo.userName and -basicInfo.userName are supported as sort"));
        }
        return new ScrollCursor(filter, sort, 0, size == null ? DEFAULT_PAGE_SIZE : size);
    }

    private static Integer pageSize(String pageSize) {
        if (pageSize == null) {
            return null;
        }
        int size;
        try {
            size = Integer.parseInt(pageSize.trim());
        } catch (NumberFormatException e) {
            size = 0;
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new AdminFailure(AdminError.of(400, "VALIDATION_ERROR", "pageSize",
                    "must be between 1 and " + MAX_PAGE_SIZE));
        }
        return size;
    }

    private static Comparator<SandboxUser> order(String sort) {
        if (sort == null) {
            return (a, b) -> 0;
        }
        Comparator<SandboxUser> byUserName = Comparator.comparing(user -> user.userName.toLowerCase());
        return sort.startsWith("-") ? byUserName.reversed() : byUserName;
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUriBuilder().path("sandbox/8x8/admin-provisioning").build().toString();
    }
}
