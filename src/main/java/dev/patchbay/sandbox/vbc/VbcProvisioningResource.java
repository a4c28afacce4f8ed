package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The Provisioning API, read-only as VBC's is: the account, its locations, users and extensions, with the
 * documented filters and HAL paging ({@code page_size, page, total_pages, total_items, _links, _embedded.data}).
 * Served with and without the {@code /v1} segment, because VBC's own snippets call it with {@code /v1} and
 * its OpenAPI server omits it. There is no POST, PUT, PATCH or DELETE.
 */
public abstract class VbcProvisioningResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_PAGE_SIZE = 100;

    private final VbcAccount account;
    private final VbcSettings settings;
    private final VbcGate gate;

    protected VbcProvisioningResource(VbcAccount account, VbcSettings settings, VbcGate gate) {
        this.account = account;
        this.settings = settings;
        this.gate = gate;
    }

    @GET
    public Response accountDetails(@PathParam("account") String accountId, @Context HttpHeaders headers) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            return JSON.objectNode().put("id", Long.parseLong(settings.accountId())).put("name", "Sandbox Account")
                    .put("status", "ACTIVE");
        });
    }

    @GET
    @Path("users")
    public Response users(@PathParam("account") String accountId, @QueryParam("page_size") String pageSize,
            @QueryParam("page") String page, @QueryParam("first_name") String firstName,
            @QueryParam("last_name") String lastName, @QueryParam("login_name") String loginName,
            @QueryParam("email") String email, @Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            List<ObjectNode> users = account.users(user -> matches(firstName, user.firstName)
                    && matches(lastName, user.lastName) && matches(loginName, user.loginName)
                    && matches(email, user.email));
            return page(users, pageSize, page, uri);
        });
    }

    @GET
    @Path("users/{user}")
    public Response user(@PathParam("account") String accountId, @PathParam("user") String userId,
            @Context HttpHeaders headers) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            long id;
            try {
                id = Long.parseLong(userId);
            } catch (NumberFormatException e) {
                throw VbcGate.invalid("/api/accounts/" + accountId + "/users/" + userId, "user_id",
                        "must be a number");
            }
            return account.user(id).orElseThrow(() -> VbcGate.notFound("User not found"));
        });
    }

    @GET
    @Path("extensions")
    public Response extensions(@PathParam("account") String accountId, @QueryParam("page_size") String pageSize,
            @QueryParam("page") String page, @QueryParam("location_id") String locationId,
            @QueryParam("phone_number") String phoneNumber, @QueryParam("login_name") String loginName,
            @QueryParam("email") String email, @Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            Long location = locationId == null ? null : number(locationId, "location_id", uri);
            List<ObjectNode> extensions = account.extensions(extension ->
                    (location == null || extension.locationId == location)
                    && (phoneNumber == null || extension.dids.contains(phoneNumber.trim()))
                    && (loginName == null || account.owner(extension).filter(u -> matches(loginName, u.loginName)).isPresent())
                    && (email == null || account.owner(extension).filter(u -> matches(email, u.email)).isPresent()));
            return page(extensions, pageSize, page, uri);
        });
    }

    @GET
    @Path("extensions/{extension}")
    public Response extension(@PathParam("account") String accountId, @PathParam("extension") String extension,
            @Context HttpHeaders headers) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            return account.extension(extension).orElseThrow(() -> VbcGate.notFound("Extension not found"));
        });
    }

    @GET
    @Path("locations")
    public Response locations(@PathParam("account") String accountId, @QueryParam("page_size") String pageSize,
            @QueryParam("page") String page, @Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            return page(account.locations(), pageSize, page, uri);
        });
    }

    @GET
    @Path("locations/{location}")
    public Response location(@PathParam("account") String accountId, @PathParam("location") String locationId,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return gate.provisioning(headers, () -> {
            requireAccount(accountId);
            return account.location(number(locationId, "location_id", uri))
                    .orElseThrow(() -> VbcGate.notFound("Location not found"));
        });
    }

    /** The path of the OpenAPI server. */
    @Path("/sandbox/vbc/t/vbc.prod/provisioning/api/accounts/{account}")
    public static class Documented extends VbcProvisioningResource {
        public Documented(VbcAccount account, VbcSettings settings, VbcGate gate) {
            super(account, settings, gate);
        }
    }

    /** The path of VBC's code snippets, with {@code /v1}. */
    @Path("/sandbox/vbc/t/vbc.prod/provisioning/v1/api/accounts/{account}")
    public static class Versioned extends VbcProvisioningResource {
        public Versioned(VbcAccount account, VbcSettings settings, VbcGate gate) {
            super(account, settings, gate);
        }
    }

    private void requireAccount(String accountId) {
        if (!settings.accountId().equals(accountId)) {
            throw VbcGate.notFound("Account not found");
        }
    }

    private JsonNode page(List<ObjectNode> items, String pageSizeParam, String pageParam, UriInfo uri) {
        int size = pageSizeParam == null ? settings.defaultPageSize() : (int) number(pageSizeParam, "page_size", uri);
        int page = pageParam == null ? 1 : (int) number(pageParam, "page", uri);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw VbcGate.invalid(uri.getPath(), "page_size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page < 1) {
            throw VbcGate.invalid(uri.getPath(), "page", "must be 1 or more");
        }
        int total = items.size();
        int pages = Math.max(1, (total + size - 1) / size);
        ObjectNode body = JSON.objectNode();
        body.put("page_size", size);
        body.put("page", page);
        body.put("total_pages", pages);
        body.put("total_items", total);
        ObjectNode links = body.putObject("_links");
        links.putObject("first").put("href", href(uri, 1, size));
        if (page > 1) {
            links.putObject("prev").put("href", href(uri, Math.min(page - 1, pages), size));
        }
        links.putObject("self").put("href", href(uri, page, size));
        if (page < pages) {
            links.putObject("next").put("href", href(uri, page + 1, size));
        }
        links.putObject("last").put("href", href(uri, pages, size));
        ArrayNode data = body.putObject("_embedded").putArray("data");
        items.stream().skip((long) (page - 1) * size).limit(size).forEach(data::add);
        return body;
    }

    private static String href(UriInfo uri, int page, int size) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("page_size", size)
                .build().toString();
    }

    private static long number(String value, String name, UriInfo uri) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw VbcGate.invalid(uri.getPath(), name, "must be a number");
        }
    }

    private static boolean matches(String filter, String value) {
        return filter == null || VbcAccount.same(filter.trim(), value);
    }
}
