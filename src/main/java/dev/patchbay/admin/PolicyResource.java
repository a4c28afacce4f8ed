package dev.patchbay.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.SeatField;
import dev.patchbay.provisioning.SeatJson;
import dev.patchbay.provisioning.StepJson;
import dev.patchbay.provisioning.SyncPlanner;
import dev.patchbay.provisioning.VendorConnections;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.provisioning.policy.PolicyValidator;
import dev.patchbay.provisioning.policy.VendorPolicyValidator;
import dev.patchbay.store.Connection;
import dev.patchbay.web.ApiError;
import dev.patchbay.web.ApiException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A connection's provisioning policy: versioned, validated on save, and tried out with a dry-run. */
@Path("/admin/v1/connections/{connection}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final Logger LOG = Logger.getLogger(PolicyResource.class);

    public record PolicyView(int version, PolicyDocument document, Instant created) {
    }

    /** {@code userId}: the user's SCIM id or userName. */
    public record DryRun(@NotNull(message = "is required") String userId, PolicyDocument policy) {
    }

    /** A proposed policy tried on the connection's users, the first {@code limit} of them by userName. */
    public record Impact(@NotNull(message = "is required") PolicyDocument policy, Integer limit) {
    }

    /** A seat field as the policy in force and the proposed one make it ("" for none). */
    public record Change(String field, String current, String proposed) {
    }

    /** A user whose seat the proposed policy changes, and the steps it would run at the vendor now. */
    public record UserChange(UUID userId, String userName, List<Change> changes, List<ObjectNode> steps) {
    }

    /** {@code complete}: every user was checked (else only {@code checked} of them). */
    public record ImpactReport(int currentVersion, int checked, boolean complete, List<UserChange> changed) {
    }

    static final int DEFAULT_IMPACT_LIMIT = 1000;
    static final int MAX_IMPACT_LIMIT = 10_000;

    private final ConnectionService connections;
    private final PolicyStore policies;
    private final SyncPlanner planner;
    private final ConnectorRegistry connectors;
    private final VendorConnections vendorConnections;
    private final UserDirectory directory;

    public PolicyResource(ConnectionService connections, PolicyStore policies, SyncPlanner planner,
            ConnectorRegistry connectors, VendorConnections vendorConnections, UserDirectory directory) {
        this.directory = directory;
        this.vendorConnections = vendorConnections;
        this.connections = connections;
        this.policies = policies;
        this.planner = planner;
        this.connectors = connectors;
    }

    @GET
    public PolicyView get(@PathParam("connection") String connection, @QueryParam("version") Integer version) {
        connection(connection);
        PolicyStore.StoredPolicy policy = version == null ? policies.current(connection)
                : policies.version(connection, version)
                        .orElseThrow(() -> ApiException.notFound("Connection '" + connection + "' has no policy version " + version));
        return new PolicyView(policy.version(), policy.document(), policy.created());
    }

    @PUT
    public PolicyView save(@PathParam("connection") String connection, @NotNull(message = "is required") PolicyDocument document) {
        validate(document, "", connection(connection));
        PolicyStore.StoredPolicy saved = policies.save(connection, document);
        return new PolicyView(saved.version(), saved.document(), saved.created());
    }

    /** The seat and the steps the policy (the one in force, or the one in the body) gives a user. */
    @POST
    @Path("dry-run")
    public ObjectNode dryRun(@PathParam("connection") String connection,
            @NotNull(message = "is required") @jakarta.validation.Valid DryRun request) {
        Connection found = connection(connection);
        UUID userId = directory.resolve(connection, request.userId()).orElseThrow(() -> ApiException.invalid("userId",
                "must be the SCIM id or the userName of a user of this connection"));
        // The policy in force was checked when it was saved: only a proposed one is checked (and the vendor read).
        if (request.policy() != null) {
            validate(request.policy(), "policy.", found);
        }
        PolicyDocument policy = request.policy() != null ? request.policy() : policies.current(connection).document();
        SyncPlanner.SyncPlan plan = planner.plan(connection, userId, capabilities(found, policy), policy);
        if (plan.desired() == null && plan.applied() == null) {
            throw ApiException.notFound("Connection '" + connection + "' has no user " + userId);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("desired", plan.desired() == null ? null : SeatJson.write(plan.desired()));
        result.set("applied", plan.applied() == null ? null : SeatJson.write(plan.applied()));
        var steps = result.putArray("steps");
        plan.steps().forEach(step -> steps.add(StepJson.write(step)));
        var awaiting = result.putArray("awaitingApproval");
        plan.awaitingApproval().forEach(awaiting::add);
        return result;
    }

    /**
     * Which users a proposed policy would change, and how: per user, each seat field the proposed policy
     * gives another value than the one in force, and the steps it would run at the vendor. Nothing is saved.
     */
    @POST
    @Path("impact")
    public ImpactReport impact(@PathParam("connection") String connection,
            @NotNull(message = "is required") @jakarta.validation.Valid Impact request) {
        Connection found = connection(connection);
        int limit = request.limit() == null ? DEFAULT_IMPACT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_IMPACT_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_IMPACT_LIMIT);
        }
        validate(request.policy(), "policy.", found);
        PolicyStore.StoredPolicy current = policies.current(connection);
        Capabilities currentCapabilities = capabilities(found, current.document());
        Capabilities proposedCapabilities = capabilities(found, request.policy());
        List<UserChange> changed = new java.util.ArrayList<>();
        int checked = 0;
        String cursor = null;
        do {
            UserDirectory.UserPage page = directory.search(connection, null, null, cursor,
                    Math.min(UserDirectory.MAX_PAGE, limit - checked));
            for (UserDirectory.ListedUser user : page.items()) {
                SyncPlanner.SyncPlan before = planner.plan(connection, user.id(), currentCapabilities, current.document());
                SyncPlanner.SyncPlan after = planner.plan(connection, user.id(), proposedCapabilities, request.policy());
                List<Change> changes = SeatDiff.changes(seat(before), seat(after)).stream()
                        .map(field -> new Change(field.field(), field.left(), field.right())).toList();
                if (!changes.isEmpty() || !before.steps().equals(after.steps())) {
                    changed.add(new UserChange(user.id(), user.userName(), changes,
                            after.steps().stream().map(StepJson::write).toList()));
                }
                checked++;
            }
            cursor = page.nextCursor();
        } while (cursor != null && checked < limit);
        return new ImpactReport(current.version(), checked, cursor == null, changed);
    }

    private static JsonNode seat(SyncPlanner.SyncPlan plan) {
        return plan.desired() == null ? null : SeatJson.write(plan.desired());
    }

    private Capabilities capabilities(Connection found, PolicyDocument policy) {
        return vendorConnections.capabilities(found, policy.vendorOptionsOrNone())
                .orElseThrow(() -> new ApiException(409, "no_connector", "No connector for vendor '" + found.vendor
                        + "' is available, so no plan can be made"));
    }

    /** The policy's own rules, then the vendor's: dropped fields, recreate, skill scale, names it knows. */
    private void validate(PolicyDocument document, String prefix, Connection connection) {
        List<PolicyValidator.Violation> violations = new java.util.ArrayList<>(PolicyValidator.validate(document));
        connectors.factory(connection.vendor).ifPresent(factory -> {
            Capabilities capabilities = vendorConnections.capabilities(connection, Map.of()).orElseThrow();
            violations.addAll(VendorPolicyValidator.validate(document, factory.vendor().displayName(), capabilities,
                    catalogue(connection)));
            violations.addAll(vendorOptions(document, factory, connection));
        });
        if (!violations.isEmpty()) {
            List<ApiError.Violation> details = violations.stream()
                    .map(v -> new ApiError.Violation(prefix + v.field(), v.message())).toList();
            throw new ApiException(400, "invalid_policy", "The policy is invalid: " + details.stream()
                    .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""), details);
        }
    }

    /** Each vendor option must be one the connector lets a policy set, and valid as that setting. */
    private List<PolicyValidator.Violation> vendorOptions(PolicyDocument document, ConnectorFactory factory,
            Connection connection) {
        Map<String, Object> options = document.vendorOptionsOrNone();
        List<PolicyValidator.Violation> violations = new java.util.ArrayList<>();
        options.keySet().stream().filter(key -> !factory.policyOptions().contains(key)).forEach(key ->
                violations.add(new PolicyValidator.Violation("vendorOptions." + key, "is not an option a "
                        + factory.vendor().displayName() + " policy may set; options: "
                        + (factory.policyOptions().isEmpty() ? "none" : String.join(", ", factory.policyOptions())))));
        if (violations.isEmpty() && !options.isEmpty()) {
            vendorConnections.settings(connection, options).ifPresent(settings -> factory.validate(settings)
                    .stream().filter(violation -> options.containsKey(violation.setting()))
                    .forEach(violation -> violations.add(new PolicyValidator.Violation(
                            "vendorOptions." + violation.setting(), violation.message()))));
        }
        return violations;
    }

    /** The names the vendor knows, or none when it cannot be read now (then names are not checked). */
    private Map<SeatField, Set<String>> catalogue(Connection connection) {
        try {
            return vendorConnections.connect(connection)
                    .map(bound -> bound.connector().catalogue(bound.context(connection.id + ":catalogue")))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            // A vendor that cannot be read now (down, refusing the credentials) must not block saving a policy.
            LOG.infof("The catalogue of connection %s cannot be read (%s): policy names are not checked",
                    connection.id, e.getMessage());
            return Map.of();
        }
    }

    private Connection connection(String id) {
        return connections.find(id).orElseThrow(() -> ConnectionService.notFound(id));
    }

}
