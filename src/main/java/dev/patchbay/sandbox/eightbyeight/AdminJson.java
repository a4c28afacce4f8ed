package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The Admin API's JSON shapes: User, Operation, ErrorResponse, sites and licenses. */
final class AdminJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdminJson() {
    }

    static ObjectNode user(SandboxUser user, Customer customer) {
        ObjectNode node = JSON.objectNode();
        ObjectNode basic = node.putObject("basicInfo");
        basic.put("userId", user.userId);
        basic.put("customerId", customer.customerId());
        basic.put("userName", user.userName);
        basic.put("firstName", user.firstName);
        basic.put("lastName", user.lastName);
        basic.put("status", user.status());
        basic.put("primaryEmail", user.primaryEmail);
        basic.put("locale", user.locale);
        putIfPresent(basic, "timezone", user.timezone);
        if (user.siteId != null) {
            customer.siteById(user.siteId).ifPresent(site -> basic.set("site", site(site)));
        }
        basic.put("createdTime", user.createdTime.toString());
        basic.put("lastUpdatedTime", user.lastUpdatedTime.toString());

        ObjectNode directory = node.putObject("directoryInfo");
        directory.put("displayInDirectory", user.displayInDirectory);
        directory.put("directoryScope", user.directoryScope);
        putIfPresent(directory, "department", user.department);
        putIfPresent(directory, "jobTitle", user.jobTitle);
        ArrayNode phones = directory.putArray("personalPhoneNumbers");
        user.personalPhoneNumbers.forEach(phone -> phones.addObject()
                .put("number", phone.number()).put("type", phone.type()));

        ObjectNode service = node.putObject("serviceInfo");
        ArrayNode licenses = service.putArray("licenses");
        user.licenseIds.forEach(id -> licenses.addObject().put("id", id)
                .put("name", customer.licenseById(id).map(LicenseType::name).orElse(null)));
        ArrayNode extensions = service.putArray("extensions");
        for (Extension extension : user.extensions) {
            ObjectNode ext = extensions.addObject();
            ext.put("extensionNumber", extension.extensionNumber());
            putIfPresent(ext, "licenseId", extension.licenseId());
            ext.put("displayInDirectory", extension.displayInDirectory());
            ArrayNode numbers = ext.putArray("phoneNumbers");
            extension.phoneNumbers().forEach(number -> numbers.addObject()
                    .put("phoneNumber", number.phoneNumber()).put("primary", number.primary()));
        }

        ObjectNode assignment = node.putObject("assignmentInfo");
        ArrayNode ringGroups = assignment.putArray("ringGroups");
        user.ringGroups.forEach(group -> ringGroups.add(assignment(group)));
        ArrayNode queues = assignment.putArray("ucCallQueues");
        user.ucCallQueues.forEach(queue -> queues.add(assignment(queue)));
        return node;
    }

    static ObjectNode site(Site site) {
        return JSON.objectNode().put("id", site.id()).put("name", site.name()).put("pbxName", site.pbxName());
    }

    static ObjectNode license(Customer.LicenseUsage usage) {
        return JSON.objectNode().put("id", usage.type().id()).put("name", usage.type().name())
                .put("total", usage.total()).put("assigned", usage.assigned()).put("available", usage.available());
    }

    /** @param base the Admin API's absolute base URL, for {@code _links} */
    static ObjectNode operation(Operation operation, String customerId, String base) {
        ObjectNode node = JSON.objectNode();
        node.put("operationId", operation.operationId());
        node.put("status", operation.status().name());
        node.put("customerId", customerId);
        node.put("resourceType", "USER");
        node.put("resourceId", operation.resourceId());
        node.put("operationType", operation.type().name());
        node.put("createdTime", operation.createdTime().toString());
        node.put("completedTime", operation.completedTime() == null ? null : operation.completedTime().toString());
        if (operation.error() == null) {
            node.putNull("error");
        } else {
            node.set("error", error(operation.error(), "/admin-provisioning/operations/" + operation.operationId(),
                    operation.completedTime()));
        }
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", base + "/operations/" + operation.operationId());
        links.putObject("resource").put("href", base + "/users/" + operation.resourceId());
        return node;
    }

    static ObjectNode error(AdminError error, String instance, Instant time) {
        ObjectNode node = JSON.objectNode();
        node.put("status", error.status());
        node.put("instance", instance);
        node.put("time", time.toString());
        node.put("title", error.title());
        putIfPresent(node, "detail", error.detail());
        ArrayNode errors = node.putArray("errors");
        for (AdminError.Item item : error.errors()) {
            ObjectNode entry = errors.addObject();
            putIfPresent(entry, "field", item.field());
            entry.put("code", item.code());
            entry.put("message", item.message());
        }
        return node;
    }

    private static ObjectNode assignment(Assignment assignment) {
        ObjectNode node = JSON.objectNode();
        putIfPresent(node, "id", assignment.id());
        putIfPresent(node, "name", assignment.name());
        putIfPresent(node, "memberType", assignment.memberType());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
