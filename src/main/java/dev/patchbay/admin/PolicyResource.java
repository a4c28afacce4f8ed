package dev.patchbay.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.VendorKind;
import dev.patchbay.provisioning.SeatJson;
import dev.patchbay.provisioning.StepJson;
import dev.patchbay.provisioning.SyncPlanner;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.provisioning.policy.PolicyValidator;
import dev.patchbay.secrets.ConnectionSecrets;
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
import java.util.Optional;
import java.util.UUID;

/** A connection's provisioning policy: versioned, validated on save, and tried out with a dry-run. */
@Path("/admin/v1/connections/{connection}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    public record PolicyView(int version, PolicyDocument document, Instant created) {
    }

    public record DryRun(@NotNull(message = "is required") String userId, PolicyDocument policy) {
    }

    private final ConnectionService connections;
    private final PolicyStore policies;
    private final SyncPlanner planner;
    private final ConnectorRegistry connectors;
    private final ConnectionSecrets secrets;

    public PolicyResource(ConnectionService connections, PolicyStore policies, SyncPlanner planner,
            ConnectorRegistry connectors, ConnectionSecrets secrets) {
        this.secrets = secrets;
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
        connection(connection);
        validate(document, "");
        PolicyStore.StoredPolicy saved = policies.save(connection, document);
        return new PolicyView(saved.version(), saved.document(), saved.created());
    }

    /** The seat and the steps the policy (the one in force, or the one in the body) gives a user. */
    @POST
    @Path("dry-run")
    public ObjectNode dryRun(@PathParam("connection") String connection,
            @NotNull(message = "is required") @jakarta.validation.Valid DryRun request) {
        Connection found = connection(connection);
        UUID userId;
        try {
            userId = UUID.fromString(request.userId());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("userId", "must be the SCIM id of a user of this connection");
        }
        PolicyDocument policy = request.policy() != null ? request.policy() : policies.current(connection).document();
        validate(policy, "policy.");
        Optional<Connector> connector = connectors.connectorFor(VendorKind.fromWireName(found.vendor).orElseThrow(),
                connection, secrets.open(connection, found.settings));
        if (connector.isEmpty()) {
            throw new ApiException(409, "no_connector", "No connector for vendor '" + found.vendor
                    + "' is available yet, so no plan can be made");
        }
        Capabilities capabilities = connector.get().capabilities();
        SyncPlanner.SyncPlan plan = planner.plan(connection, userId, capabilities, policy);
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

    private static void validate(PolicyDocument document, String prefix) {
        List<PolicyValidator.Violation> violations = PolicyValidator.validate(document);
        if (!violations.isEmpty()) {
            List<ApiError.Violation> details = violations.stream()
                    .map(v -> new ApiError.Violation(prefix + v.field(), v.message())).toList();
            throw new ApiException(400, "invalid_policy", "The policy is invalid: " + details.stream()
                    .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""), details);
        }
    }

    private Connection connection(String id) {
        return connections.find(id).orElseThrow(() -> ConnectionService.notFound(id));
    }

}
