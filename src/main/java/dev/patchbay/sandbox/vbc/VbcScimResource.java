package dev.patchbay.sandbox.vbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ScimRefusal;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VBC's SCIM endpoint for identity, as an IdP would use it once Vonage enables it for an account
 * (UNVERIFIED: Vonage publishes neither its base URL nor how a gateway authenticates; a static bearer token
 * here). It writes what the IdP owns (login name, first and last name, email, active) and nothing of the
 * line, extension or numbers: a user it creates has no line until someone gives it one in the portal.
 * VBC requires first name, last name and email; {@code userName eq "…"} is the one filter (as Entra's app
 * uses). DELETE deletes the user; like a portal delete, its numbers stay on the account until released.
 */
@Path("/sandbox/vbc/scim/v2/Users")
public class VbcScimResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Pattern USER_NAME_EQ = Pattern.compile("(?i)userName eq \"([^\"]*)\"");
    private static final Pattern WORK_EMAIL = Pattern.compile("(?i)emails\\[type eq \"work\"]\\.value");

    private final VbcAccount account;
    private final VbcGate gate;
    private final ObjectMapper mapper;

    public VbcScimResource(VbcAccount account, VbcGate gate, ObjectMapper mapper) {
        this.account = account;
        this.gate = gate;
        this.mapper = mapper;
    }

    @POST
    public Response create(String body, @Context HttpHeaders headers) {
        return gate.scim(headers, () -> {
            ObjectNode input = object(body);
            VbcAccount.User user = new VbcAccount.User(0);
            user.active = true;
            write(user, input);
            requireIdentity(user);
            return scim(201, account.scimCreate(user.loginName, user.firstName, user.lastName, user.email,
                    user.active, user.externalId));
        });
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count, @Context HttpHeaders headers) {
        return gate.scim(headers, () -> {
            List<VbcAccount.User> users;
            if (filter == null || filter.isBlank()) {
                users = account.scimUsers(user -> true);
            } else {
                Matcher matcher = USER_NAME_EQ.matcher(filter.trim());
                if (!matcher.matches()) {
                    throw new ScimRefusal(400, "invalidFilter", "Only the filter userName eq \"...\" is supported");
                }
                users = account.scimUsers(user -> VbcAccount.same(matcher.group(1), user.loginName));
            }
            int start = Math.max(1, startIndex == null ? 1 : startIndex);
            int size = Math.max(0, Math.min(100, count == null ? 100 : count));
            ObjectNode page = JSON.objectNode();
            page.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
            page.put("totalResults", users.size());
            page.put("startIndex", start);
            List<VbcAccount.User> shown = users.stream().skip(start - 1L).limit(size).toList();
            page.put("itemsPerPage", shown.size());
            ArrayNode resources = page.putArray("Resources");
            shown.forEach(user -> resources.add(json(user)));
            return scim(200, page);
        });
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return gate.scim(headers, () -> scim(200, found(id)));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        return gate.scim(headers, () -> {
            VbcAccount.User user = found(id);
            ObjectNode request = object(body);
            JsonNode schemas = request.path("schemas");
            if (!schemas.isArray() || !schemas.toString().contains(PATCH_SCHEMA)) {
                throw new ScimRefusal(400, "invalidSyntax", "schemas must contain " + PATCH_SCHEMA);
            }
            JsonNode operations = request.path("Operations");
            if (!operations.isArray() || operations.isEmpty()) {
                throw new ScimRefusal(400, "invalidSyntax", "Operations must be a non-empty array");
            }
            for (JsonNode operation : operations) {
                apply(user, operation);
            }
            requireIdentity(user);
            return scim(200, account.scimSave(user));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        return gate.scim(headers, () -> {
            account.deleteUser(found(id).id);
            return Response.noContent();
        });
    }

    private void apply(VbcAccount.User user, JsonNode operation) {
        String op = operation.path("op").asText("").toLowerCase(java.util.Locale.ROOT);
        if (!List.of("add", "replace", "remove").contains(op)) {
            throw new ScimRefusal(400, "invalidSyntax", "op must be add, replace or remove");
        }
        String path = operation.path("path").isTextual() ? operation.get("path").asText() : null;
        JsonNode value = operation.get("value");
        if ("remove".equals(op)) {
            throw new ScimRefusal(400, "mutability", "VBC needs every attribute it holds: "
                    + (path == null ? "a remove needs a path" : path + " cannot be removed"));
        }
        if (path == null) {
            if (value == null || !value.isObject()) {
                throw new ScimRefusal(400, "invalidValue", "An operation without a path needs an object value");
            }
            write(user, (ObjectNode) value);
            return;
        }
        ObjectNode single = JSON.objectNode();
        if (WORK_EMAIL.matcher(path).matches()) {
            single.putArray("emails").addObject().put("type", "work").set("value", value);
        } else if (path.equalsIgnoreCase("name.givenName") || path.equalsIgnoreCase("name.familyName")) {
            single.putObject("name").set(path.substring(5), value);
        } else {
            single.set(path, value);
        }
        write(user, single);
    }

    /** The attributes VBC holds, from a SCIM user object (a whole one, or a patch's part of one). */
    private static void write(VbcAccount.User user, ObjectNode input) {
        var names = input.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode value = input.get(name);
            switch (name) {
                case "schemas", "id", "meta" -> {
                }
                case "userName" -> user.loginName = text(value, name);
                case "externalId" -> user.externalId = text(value, name);
                case "active" -> {
                    if (!value.isBoolean()) {
                        throw new ScimRefusal(400, "invalidValue", "active must be true or false");
                    }
                    user.active = value.asBoolean();
                }
                case "name" -> {
                    if (!value.isObject()) {
                        throw new ScimRefusal(400, "invalidValue", "name must be an object");
                    }
                    if (value.has("givenName")) {
                        user.firstName = text(value.get("givenName"), "name.givenName");
                    }
                    if (value.has("familyName")) {
                        user.lastName = text(value.get("familyName"), "name.familyName");
                    }
                }
                case "emails" -> user.email = workEmail(value);
                default -> throw new ScimRefusal(400, "invalidPath", "VBC holds no attribute " + name);
            }
        }
    }

    private static String workEmail(JsonNode emails) {
        if (!emails.isArray()) {
            throw new ScimRefusal(400, "invalidValue", "emails must be an array");
        }
        JsonNode chosen = null;
        for (JsonNode email : emails) {
            if (chosen == null || "work".equals(email.path("type").asText()) || email.path("primary").asBoolean()) {
                chosen = email;
            }
        }
        return chosen == null ? null : text(chosen.get("value"), "emails.value");
    }

    private static String text(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ScimRefusal(400, "invalidValue", name + " must be a string");
        }
        return value.asText();
    }

    private static void requireIdentity(VbcAccount.User user) {
        if (blank(user.loginName)) {
            throw new ScimRefusal(400, "invalidValue", "userName is required");
        }
        if (blank(user.firstName) || blank(user.lastName) || blank(user.email)) {
            throw new ScimRefusal(400, "invalidValue",
                    "Any user added to Vonage must have first name, last name and email");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private VbcAccount.User found(String id) {
        try {
            return account.scimUser(Long.parseLong(id))
                    .orElseThrow(() -> new ScimRefusal(404, null, "User " + id + " not found"));
        } catch (NumberFormatException e) {
            throw new ScimRefusal(404, null, "User " + id + " not found");
        }
    }

    private ObjectNode object(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (json == null || !json.isObject()) {
                throw new ScimRefusal(400, "invalidSyntax", "The body must be a JSON object");
            }
            return (ObjectNode) json;
        } catch (JsonProcessingException e) {
            throw new ScimRefusal(400, "invalidSyntax", "The body is not JSON: " + e.getOriginalMessage());
        }
    }

    private Response.ResponseBuilder scim(int status, VbcAccount.User user) {
        return scim(status, json(user));
    }

    private static Response.ResponseBuilder scim(int status, JsonNode body) {
        return Response.status(status).type("application/scim+json").entity(body.toString());
    }

    private static ObjectNode json(VbcAccount.User user) {
        ObjectNode json = JSON.objectNode();
        json.putArray("schemas").add(USER_SCHEMA);
        json.put("id", String.valueOf(user.id));
        json.put("userName", user.loginName);
        if (user.externalId != null) {
            json.put("externalId", user.externalId);
        }
        json.putObject("name").put("givenName", user.firstName).put("familyName", user.lastName);
        json.putArray("emails").addObject().put("value", user.email).put("type", "work").put("primary", true);
        json.put("active", user.active);
        json.putObject("meta").put("resourceType", "User").put("location", "/sandbox/vbc/scim/v2/Users/" + user.id);
        return json;
    }
}
