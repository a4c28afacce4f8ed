package dev.patchbay.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the attributes a write changes, read from its body, never a value: top-level attribute
 * names of a resource (POST/PUT) or admin body, the paths of PATCH operations (value filters removed,
 * since they hold values), and the method and path of each bulk operation.
 */
final class AttributeNames {

    static final int MAX_NAMES = 100;
    private static final int MAX_NAME_LENGTH = 200;

    private AttributeNames() {
    }

    static List<String> of(RequestTarget.BodyKind kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        switch (kind) {
            case SCIM_RESOURCE, ADMIN -> fieldNames(body, names, kind == RequestTarget.BodyKind.SCIM_RESOURCE);
            case SCIM_PATCH -> patchPaths(body.path("Operations"), names);
            case SCIM_BULK -> bulkOperations(body.path("Operations"), names);
            case NONE -> {
            }
        }
        return new ArrayList<>(names);
    }

    private static void fieldNames(JsonNode body, Set<String> names, boolean scim) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!(scim && name.equals("schemas"))) {
                add(names, name);
            }
        }
    }

    private static void patchPaths(JsonNode operations, Set<String> names) {
        for (JsonNode operation : operations) {
            JsonNode path = operation.get("path");
            if (path != null && path.isTextual() && !path.asText().isBlank()) {
                add(names, withoutValueFilters(path.asText()));
            } else if (operation.path("value").isObject()) {
                fieldNames(operation.get("value"), names, true);
            }
        }
    }

    private static void bulkOperations(JsonNode operations, Set<String> names) {
        for (JsonNode operation : operations) {
            add(names, operation.path("method").asText("?").toUpperCase(java.util.Locale.ROOT) + " "
                    + operation.path("path").asText("?"));
        }
    }

    /** {@code emails[type eq "work"].value} → {@code emails.value}; {@code members[value eq "x"]} → {@code members}. */
    static String withoutValueFilters(String path) {
        StringBuilder result = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (depth > 0) {
                if (quoted && c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ']') {
                    depth--;
                } else if (!quoted && c == '[') {
                    depth++;
                }
            } else if (c == '[') {
                depth++;
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    private static void add(Set<String> names, String name) {
        if (names.size() < MAX_NAMES) {
            names.add(name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name);
        }
    }
}
