package dev.patchbay.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** Finds NUL characters in JSON strings and field names. */
final class NulCharacters {

    private NulCharacters() {
    }

    static boolean anywhere(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                if (names.next().indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        for (JsonNode child : node) {
            if (anywhere(child)) {
                return true;
            }
        }
        return false;
    }
}
