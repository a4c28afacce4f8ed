package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.sandbox.kit.ControlRefusal;
import dev.patchbay.sandbox.kit.ControlResource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kit's control API for the simulated 8x8 customer, plus sizing the license pool
 * ({@code PUT licenses}) and seeding pre-existing users ({@code POST users}).
 */
@Path("/sandbox/8x8/_control")
public class EightByEightControlResource extends ControlResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Customer customer;
    private final AdminRateLimiter limiter;

    public EightByEightControlResource(Customer customer, Faults faults, AdminRateLimiter limiter,
            SandboxSettings settings, SandboxClock clock, ObjectMapper mapper) {
        super(clock, faults, settings.tunables(), mapper);
        this.customer = customer;
        this.limiter = limiter;
    }

    @Override
    protected void resetSimulator() {
        customer.reset();
        limiter.reset();
    }

    @Override
    protected ObjectNode simulatorState(UriInfo uri) {
        ObjectNode state = JSON.objectNode();
        state.put("customerId", customer.customerId());
        state.put("rateLimited", limiter.refused());
        ArrayNode users = state.putArray("users");
        customer.users().forEach(user -> users.add(stateUser(user)));
        ArrayNode licenses = state.putArray("licenses");
        customer.licenses().forEach(license -> licenses.add(AdminJson.license(license)));
        ArrayNode sites = state.putArray("sites");
        customer.sites().forEach(site -> sites.add(AdminJson.site(site)));
        String base = uri.getBaseUriBuilder().path("sandbox/8x8/admin-provisioning").build().toString();
        ArrayNode operations = state.putArray("operations");
        customer.operations().forEach(operation -> operations.add(
                AdminJson.operation(operation, customer.customerId(), base)));
        return state;
    }

    @Override
    protected ControlRefusal translate(RuntimeException failure) {
        if (failure instanceof InvalidInput invalid) {
            return new ControlRefusal(400, invalid.getMessage(), invalid.violations().stream()
                    .map(v -> new ControlRefusal.Violation(v.field(), v.message())).toList());
        }
        if (failure instanceof RuleBroken broken) {
            return new ControlRefusal(broken.kind() == RuleBroken.Kind.NOT_FOUND ? 404 : 400, broken.getMessage(),
                    List.of());
        }
        return null;
    }

    /** {@code {"X4": 10, …}}: the pool's size per license name. */
    @PUT
    @Path("licenses")
    public Response licenses(String body) {
        return control(() -> {
            Map<String, Integer> totals = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object(body).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().isBlank()) {
                    throw ControlRefusal.badRequest(field.getKey(), "A license name must not be blank");
                }
                if (!field.getValue().canConvertToInt() || !field.getValue().isIntegralNumber()
                        || field.getValue().intValue() < 0) {
                    throw ControlRefusal.badRequest(field.getKey(), field.getKey() + " must be a non-negative integer");
                }
                totals.put(field.getKey(), field.getValue().intValue());
            }
            customer.setLicenseTotals(totals);
            ObjectNode answer = JSON.objectNode();
            ArrayNode data = answer.putArray("data");
            customer.licenses().forEach(license -> data.add(AdminJson.license(license)));
            return answer;
        });
    }

    /**
     * Stores a user at once, as if it had existed before the test, in the Admin API's User shape. The
     * site may be left out (users without a site exist at 8x8); the other rules apply.
     */
    @POST
    @Path("users")
    public Response seedUser(String body) {
        return control(201, () -> stateUser(customer.seed(AdminUserInput.parse(object(body), customer, false))));
    }

    private ObjectNode stateUser(SandboxUser user) {
        ObjectNode node = AdminJson.user(user, customer);
        node.put("scimActive", user.active);
        node.put("externalId", user.externalId);
        return node;
    }
}
