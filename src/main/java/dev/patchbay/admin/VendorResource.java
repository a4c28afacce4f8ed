package dev.patchbay.admin;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.FieldCapability;
import dev.patchbay.connector.ListPrices;
import dev.patchbay.connector.OffboardingAction;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.connector.RetryPolicy;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Setting;
import dev.patchbay.connector.SkillScale;
import dev.patchbay.connector.TaskTemplate;
import dev.patchbay.connector.Vendor;
import dev.patchbay.provisioning.policy.PolicyValidator;
import dev.patchbay.web.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vendors this gateway has a connector for, each with its settings schema and declared capabilities. */
@Path("/admin/v1/vendors")
@Produces(MediaType.APPLICATION_JSON)
public class VendorResource {

    public record VendorView(String id, String displayName, List<Setting> settings, List<List<String>> settingsAnyOf,
            List<List<String>> settingsTogether, List<String> policyOptions, CapabilitiesView capabilities,
            ListPrices listPrices) {
    }

    public record FieldView(String mutability, String route, boolean requiredAtCreate, boolean irreversible) {
    }

    public record TaskView(String kind, String reason, String consolePath) {
    }

    public record CapabilitiesView(List<String> operations, Map<String, FieldView> fields, List<String> followUpOrder,
            String deleteMode, List<String> offboarding, List<String> beforeDelete, List<String> forgottenOnDeactivate,
            Map<String, TaskView> byHand, TaskView immutableChange, TaskView deleteGate, RateLimit rateLimit,
            RetryPolicy retryPolicy, SkillScale skillScale) {
    }

    public record Vendors(List<VendorView> items) {
    }

    private final ConnectorRegistry vendors;

    public VendorResource(ConnectorRegistry vendors) {
        this.vendors = vendors;
    }

    @GET
    public Vendors list() {
        return new Vendors(vendors.factories().stream().map(VendorResource::view).toList());
    }

    @GET
    @Path("{id}")
    public VendorView get(@PathParam("id") String id) {
        return vendors.factory(id).map(VendorResource::view)
                .orElseThrow(() -> ApiException.notFound("No vendor '" + id + "'; vendors: " + vendors.vendorIds()));
    }

    static VendorView view(ConnectorFactory factory) {
        Vendor vendor = factory.vendor();
        return new VendorView(vendor.id(), vendor.displayName(), vendor.settings().settings(),
                vendor.settings().anyOf(), vendor.settings().together(), factory.policyOptions(),
                view(vendor.capabilities()), vendor.listPrices());
    }

    private static CapabilitiesView view(Capabilities capabilities) {
        Map<String, FieldView> fields = new LinkedHashMap<>();
        for (SeatField field : SeatField.values()) {
            FieldCapability capability = capabilities.field(field);
            fields.put(PolicyValidator.policyName(field), new FieldView(capability.mutability(),
                    capability.route().name().toLowerCase(), capability.requiredAtCreate(), capability.irreversible()));
        }
        Map<String, TaskView> byHand = new LinkedHashMap<>();
        Arrays.stream(Operation.values()).filter(operation -> !capabilities.can(operation))
                .forEach(operation -> byHand.put(operation.name().toLowerCase(), task(capabilities.byHand(operation))));
        return new CapabilitiesView(
                Arrays.stream(Operation.values()).filter(capabilities::can).map(op -> op.name().toLowerCase()).toList(),
                fields, names(capabilities.followUpOrder()),
                capabilities.can(Operation.DELETE) ? capabilities.deleteMode().name().toLowerCase() : "none",
                actions(capabilities.offboarding()), actions(capabilities.beforeDelete()),
                names(capabilities.forgottenOnDeactivate().stream().sorted().toList()), byHand,
                task(capabilities.immutableChange()), task(capabilities.deleteGate()), capabilities.rateLimit(),
                capabilities.retryPolicy(), capabilities.skillScale());
    }

    private static List<String> names(List<SeatField> fields) {
        return fields.stream().map(PolicyValidator::policyName).toList();
    }

    private static List<String> actions(List<OffboardingAction> actions) {
        return actions.stream().map(action -> {
            if (action instanceof OffboardingAction.Clear clear) {
                return "clear " + PolicyValidator.policyName(clear.field());
            }
            if (action instanceof OffboardingAction.Task task) {
                return "task " + task.template().kind();
            }
            return "deactivate";
        }).toList();
    }

    private static TaskView task(TaskTemplate template) {
        return template == null ? null : new TaskView(template.kind(), template.reason(), template.consolePath());
    }
}
