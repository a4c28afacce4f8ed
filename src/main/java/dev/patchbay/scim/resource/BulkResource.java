package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.patchbay.provisioning.ProvisioningException;
import dev.patchbay.scim.ScimMediaType;
import dev.patchbay.scim.error.ScimError;
import dev.patchbay.scim.error.ScimException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): operations run in order, each on its own like a single request;
 * {@code bulkId:} references in paths and data resolve to the ids of resources created earlier in the
 * same request; {@code failOnErrors} stops after that many errors.
 */
@Path("/scim/v2/{connection}/Bulk")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
public class BulkResource {

    static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final Pattern PATH = Pattern.compile("/(Users|Groups)(?:/([^/]+))?");
    private static final String BULK_ID_PREFIX = "bulkId:";
    private static final Logger LOG = Logger.getLogger(BulkResource.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final UsersResource users;
    private final GroupsResource groups;
    private final ObjectMapper objectMapper;
    private final ScimRequests requests;
    private final int maxOperations;
    private final int maxPayloadBytes;

    public BulkResource(UsersResource users, GroupsResource groups, ObjectMapper objectMapper, ScimRequests requests,
            @ConfigProperty(name = "patchbay.scim.bulk-max-operations") int maxOperations,
            @ConfigProperty(name = "patchbay.scim.bulk-max-payload-bytes") int maxPayloadBytes) {
        this.users = users;
        this.groups = groups;
        this.objectMapper = objectMapper;
        this.requests = requests;
        this.maxOperations = maxOperations;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @POST
    public Response bulk(String body, UriInfo uriInfo) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > maxPayloadBytes) {
            throw new ScimException(413, null, "A bulk request may have at most " + maxPayloadBytes + " bytes");
        }
        ObjectNode request = requests.object(body);
        if (!hasSchema(request, REQUEST_SCHEMA)) {
            throw new ScimException(400, "invalidSyntax", "A bulk request needs \"schemas\": [\"" + REQUEST_SCHEMA + "\"]");
        }
        JsonNode operations = request.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw new ScimException(400, "invalidSyntax", "A bulk request needs an \"Operations\" array");
        }
        if (operations.size() > maxOperations) {
            throw new ScimException(413, null, "A bulk request may have at most " + maxOperations + " operations");
        }
        JsonNode failOnErrorsNode = request.get("failOnErrors");
        if (failOnErrorsNode != null && !failOnErrorsNode.isNull()
                && (!failOnErrorsNode.isIntegralNumber() || failOnErrorsNode.asInt() < 1)) {
            throw new ScimException(400, "invalidValue", "failOnErrors must be a positive integer");
        }
        int failOnErrors = failOnErrorsNode == null || failOnErrorsNode.isNull()
                ? Integer.MAX_VALUE : failOnErrorsNode.asInt();

        Map<String, String> createdIds = new HashMap<>();
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(RESPONSE_SCHEMA);
        ArrayNode results = response.putArray("Operations");
        int errors = 0;
        for (JsonNode operation : operations) {
            ObjectNode result = run(operation, createdIds, uriInfo);
            results.add(result);
            if (Integer.parseInt(result.path("status").asText()) >= 400 && ++errors >= failOnErrors) {
                break;
            }
        }
        return Response.ok(response, ScimMediaType.SCIM_JSON).build();
    }

    private ObjectNode run(JsonNode operation, Map<String, String> createdIds, UriInfo uriInfo) {
        ObjectNode result = NODES.objectNode();
        String method = operation.path("method").asText("").toUpperCase(Locale.ROOT);
        result.put("method", method);
        JsonNode bulkId = operation.get("bulkId");
        if (bulkId != null && bulkId.isTextual()) {
            result.put("bulkId", bulkId.asText());
        }
        try {
            Response response = execute(method, operation, createdIds, uriInfo);
            result.put("status", Integer.toString(response.getStatus()));
            if (response.getLocation() != null) {
                result.put("location", response.getLocation().toString());
            }
            if (response.getEntityTag() != null) {
                result.put("version", "W/\"" + response.getEntityTag().getValue() + "\"");
            }
            if (method.equals("POST") && bulkId != null && response.getEntity() instanceof ObjectNode created) {
                createdIds.put(bulkId.asText(), created.path("id").asText());
            }
        } catch (ScimException e) {
            error(result, e.status(), e.scimType(), e.getMessage());
        } catch (ProvisioningException e) {
            switch (e.kind()) {
                case NOT_FOUND -> error(result, 404, null, e.getMessage());
                case UNIQUENESS -> error(result, 409, "uniqueness", e.getMessage());
                case VERSION_MISMATCH -> error(result, 412, null, e.getMessage());
                case INVALID_MEMBER -> error(result, 400, "invalidValue", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Bulk operation %s failed", operation.path("path").asText());
            error(result, 500, null, "Internal error; the server log has the details");
        }
        return result;
    }

    private Response execute(String method, JsonNode operation, Map<String, String> createdIds, UriInfo uriInfo) {
        JsonNode pathNode = operation.get("path");
        if (pathNode == null || !pathNode.isTextual()) {
            throw new ScimException(400, "invalidValue", "Each bulk operation needs a 'path' such as /Users or /Users/{id}");
        }
        Matcher path = PATH.matcher(pathNode.asText());
        if (!path.matches()) {
            throw new ScimException(400, "invalidPath", "Unsupported bulk path '" + pathNode.asText() + "'");
        }
        boolean isUsers = path.group(1).equals("Users");
        String id = path.group(2) == null ? null : resolve(path.group(2), createdIds);
        String ifMatch = operation.path("version").isTextual() ? operation.path("version").asText() : null;
        String data = data(operation, createdIds);
        switch (method) {
            case "POST" -> {
                if (id != null) {
                    throw new ScimException(400, "invalidPath", "POST goes to /Users or /Groups");
                }
                if (!operation.path("bulkId").isTextual()) {
                    throw new ScimException(400, "invalidValue", "A bulk POST needs a bulkId");
                }
                return isUsers ? users.create(data, null, null, uriInfo) : groups.create(data, null, null, uriInfo);
            }
            case "PUT" -> {
                return isUsers ? users.replace(requireId(id), data, null, null, ifMatch, uriInfo)
                        : groups.replace(requireId(id), data, null, null, ifMatch, uriInfo);
            }
            case "PATCH" -> {
                return isUsers ? users.patch(requireId(id), data, null, null, ifMatch, uriInfo)
                        : groups.patch(requireId(id), data, null, null, ifMatch, uriInfo);
            }
            case "DELETE" -> {
                return isUsers ? users.delete(requireId(id), ifMatch) : groups.delete(requireId(id), ifMatch);
            }
            default -> throw new ScimException(400, "invalidValue",
                    "Bulk method must be POST, PUT, PATCH or DELETE (got '" + method + "')");
        }
    }

    private String data(JsonNode operation, Map<String, String> createdIds) {
        JsonNode data = operation.get("data");
        if (data == null || data.isNull()) {
            return null;
        }
        if (!data.isObject()) {
            throw new ScimException(400, "invalidValue", "A bulk operation's 'data' must be an object");
        }
        try {
            return objectMapper.writeValueAsString(resolveReferences(data.deepCopy(), createdIds));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces every "bulkId:x" string in the data with the id created for bulkId x. */
    private static JsonNode resolveReferences(JsonNode node, Map<String, String> createdIds) {
        if (node.isTextual() && node.asText().startsWith(BULK_ID_PREFIX)) {
            return TextNode.valueOf(resolve(node.asText(), createdIds));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(resolveReferences(field.getValue(), createdIds));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolveReferences(array.get(i), createdIds));
            }
        }
        return node;
    }

    private static String resolve(String value, Map<String, String> createdIds) {
        if (!value.startsWith(BULK_ID_PREFIX)) {
            return value;
        }
        String bulkId = value.substring(BULK_ID_PREFIX.length());
        String id = createdIds.get(bulkId);
        if (id == null) {
            throw new ScimException(409, "invalidValue",
                    "bulkId '" + bulkId + "' does not name a resource created earlier in this request");
        }
        return id;
    }

    private static String requireId(String id) {
        if (id == null) {
            throw new ScimException(400, "invalidPath", "PUT, PATCH and DELETE need a path with an id");
        }
        return id;
    }

    private static void error(ObjectNode result, int status, String scimType, String detail) {
        result.put("status", Integer.toString(status));
        ObjectNode error = result.putObject("response");
        error.putArray("schemas").add(ScimError.SCHEMA);
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        error.put("status", Integer.toString(status));
    }

    private static boolean hasSchema(ObjectNode request, String schema) {
        for (JsonNode urn : request.path("schemas")) {
            if (schema.equals(urn.asText())) {
                return true;
            }
        }
        return false;
    }
}
