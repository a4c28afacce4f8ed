package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Member lookup by attribute name, which SCIM compares case-insensitively (RFC 7643 §2.1). */
final class JsonMembers {

    private JsonMembers() {
    }

    /** The name under which {@code object} holds {@code name} in any case: exact spelling first; null if absent. */
    static String actualName(ObjectNode object, String name) {
        if (object.has(name)) {
            return name;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** Renames member {@code from} to {@code to} in place, keeping the order of the members. */
    static void rename(ObjectNode object, String from, String to) {
        if (from.equals(to) || !object.has(from)) {
            return;
        }
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        object.removeAll();
        for (Map.Entry<String, JsonNode> member : members) {
            object.set(member.getKey().equals(from) ? to : member.getKey(), member.getValue());
        }
    }
}
