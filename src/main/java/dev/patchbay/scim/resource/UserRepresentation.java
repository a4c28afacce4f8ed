package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.provisioning.EmailKeys;
import dev.patchbay.provisioning.GroupMembership;
import dev.patchbay.provisioning.SeatMapper;
import dev.patchbay.provisioning.StoredUser;
import dev.patchbay.provisioning.UserData;
import dev.patchbay.provisioning.VendorAccount;
import dev.patchbay.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Between SCIM User JSON and the stored user. */
final class UserRepresentation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UserRepresentation() {
    }

    /** The stored form of validated attributes; a user without {@code active} is active. */
    static UserData toData(ObjectNode attributes) {
        ObjectNode stored = attributes.deepCopy();
        stored.remove("id");
        stored.remove("meta");
        JsonNode active = stored.get("active");
        return new UserData(
                stored.path("userName").asText(),
                textOrNull(stored.get("externalId")),
                textOrNull(stored.get("displayName")),
                active == null || active.asBoolean(true),
                emailKeys(stored.get("emails")),
                stored);
    }

    /** The full SCIM representation (before attribute projection). */
    static ObjectNode toScim(ResourceSchema schema, StoredUser user, List<GroupMembership> groups, String location,
            VendorAccount account) {
        ObjectNode resource = NODES.objectNode();
        resource.put("id", user.id().toString());
        resource.setAll(user.data().attributes());
        provisioningStatus(resource, account);
        resource.set("schemas", ResourceJson.schemas(schema, resource));
        if (!resource.has("active")) {
            resource.put("active", user.data().active());
        }
        if (!groups.isEmpty()) {
            ArrayNode groupValues = resource.putArray("groups");
            for (GroupMembership group : groups) {
                groupValues.addObject()
                        .put("value", group.groupId().toString())
                        .put("$ref", ResourceJson.sibling(location, "Groups", group.groupId().toString()))
                        .put("display", group.displayName())
                        .put("type", group.direct() ? "direct" : "indirect");
            }
        }
        resource.set("meta", ResourceJson.meta("User", user.created(), user.lastModified(), location, user.version()));
        return resource;
    }

    /** The read-only provisioning status, under the Patchbay extension. */
    private static void provisioningStatus(ObjectNode resource, VendorAccount account) {
        JsonNode existing = resource.get(SeatMapper.PATCHBAY_URN);
        ObjectNode extension = existing instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        ObjectNode status = extension.putObject("provisioning");
        status.put("state", account == null ? VendorAccount.PENDING : account.status());
        if (account != null) {
            if (account.vendorId() != null) {
                status.put("vendorId", account.vendorId());
            }
            if (account.lastError() != null) {
                status.put("lastError", account.lastError());
            }
            status.put("pendingSteps", account.pendingSteps());
            if (account.updated() != null) {
                status.put("updated", account.updated().toString());
            }
        }
        resource.set(SeatMapper.PATCHBAY_URN, extension);
    }

    /** Lower-cased "type:value" and "*:value" keys for the indexed email lookups. */
    static List<String> emailKeys(JsonNode emails) {
        Set<String> keys = new LinkedHashSet<>();
        if (emails != null && emails.isArray()) {
            for (JsonNode email : emails) {
                String value = email.path("value").asText("");
                if (value.isEmpty()) {
                    continue;
                }
                keys.add(EmailKeys.anyType(value));
                String type = email.path("type").asText("");
                if (!type.isEmpty()) {
                    keys.add(EmailKeys.key(type, value));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
