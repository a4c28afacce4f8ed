package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.provisioning.GroupData;
import dev.patchbay.provisioning.Member;
import dev.patchbay.provisioning.StoredGroup;
import dev.patchbay.scim.schema.ResourceSchema;
import java.util.List;

/** Between SCIM Group JSON and the stored group; members live apart from the group's attributes. */
final class GroupRepresentation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GroupRepresentation() {
    }

    static GroupData toData(ObjectNode attributes) {
        ObjectNode stored = attributes.deepCopy();
        stored.remove("id");
        stored.remove("meta");
        stored.remove("members");
        JsonNode externalId = stored.get("externalId");
        return new GroupData(stored.path("displayName").asText(),
                externalId == null ? null : externalId.asText(), stored);
    }

    /** {@code members} null leaves the attribute out (excludedAttributes=members). */
    static ObjectNode toScim(ResourceSchema schema, StoredGroup group, List<Member> members, String location) {
        ObjectNode resource = NODES.objectNode();
        resource.set("schemas", ResourceJson.schemas(schema, group.data().attributes()));
        resource.put("id", group.id().toString());
        resource.setAll(group.data().attributes());
        if (members != null) {
            ArrayNode values = resource.putArray("members");
            for (Member member : members) {
                ObjectNode value = values.addObject()
                        .put("value", member.id().toString())
                        .put("$ref", ResourceJson.sibling(location,
                                member.type() == Member.MemberType.User ? "Users" : "Groups", member.id().toString()))
                        .put("type", member.type().name());
                if (member.display() != null) {
                    value.put("display", member.display());
                }
            }
        }
        resource.set("meta", ResourceJson.meta("Group", group.created(), group.lastModified(), location,
                group.version()));
        return resource;
    }
}
