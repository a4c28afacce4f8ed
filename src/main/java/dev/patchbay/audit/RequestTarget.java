package dev.patchbay.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request addresses, read from its method and path: the API, the connection, the resource type
 * and id, the operation, and whether it is a write the audit trail records.
 */
record RequestTarget(String api, String method, String path, String connectionId, String resourceType,
        String resourceId, String operation, BodyKind body) {

    enum BodyKind { NONE, SCIM_RESOURCE, SCIM_PATCH, SCIM_BULK, ADMIN }

    static final String SCIM = "scim";
    static final String ADMIN = "admin";
    static final String OAUTH = "oauth";

    /**
     * Admin POSTs that are actions on a resource rather than creations: the path's last segment names the
     * action ({@code /tasks/{id}/complete}, {@code /policy/dry-run}), and the resource is the path before it.
     */
    static final List<String> ADMIN_ACTIONS = List.of("complete", "dismiss", "redrive", "discard", "sync",
            "dry-run", "impact", "check", "rotate");
    /** Admin collections whose POST starts something rather than creating a record. */
    static final Map<String, String> ADMIN_STARTS = Map.of("reconciliations", "reconcile");

    /** Null when the path belongs to none of the audited APIs. */
    static RequestTarget of(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (path.startsWith("/scim/v2/") && segments.size() >= 3) {
            String connection = segments.get(2);
            String type = segments.size() > 3 ? segments.get(3) : null;
            String id = segments.size() > 4 ? segments.get(4) : null;
            boolean search = (type != null && type.equals(".search")) || (id != null && id.equals(".search"));
            BodyKind body = search || isRead(upper) ? BodyKind.NONE
                    : "Bulk".equals(type) ? BodyKind.SCIM_BULK
                    : "PATCH".equals(upper) ? BodyKind.SCIM_PATCH
                    : "DELETE".equals(upper) ? BodyKind.NONE : BodyKind.SCIM_RESOURCE;
            String operation = search ? "search" : "Bulk".equals(type) ? "bulk" : operation(upper);
            return new RequestTarget(SCIM, upper, path, connection, type, id, operation, body);
        }
        if (path.startsWith("/admin/")) {
            // /admin/v1/connections/{id}/tokens/{tokenId}: the type is the last collection, the id what follows it.
            List<String> rest = segments.size() > 2 ? segments.subList(2, segments.size()) : List.of();
            String action = null;
            if ("POST".equals(upper) && !rest.isEmpty() && ADMIN_ACTIONS.contains(rest.get(rest.size() - 1))) {
                action = rest.get(rest.size() - 1);
                rest = rest.subList(0, rest.size() - 1);
            }
            String connection = rest.size() > 1 && rest.get(0).equals("connections") ? rest.get(1) : null;
            int typeIndex = rest.isEmpty() ? -1 : (rest.size() - 1) / 2 * 2;
            String type = typeIndex < 0 ? null : rest.get(typeIndex);
            String id = typeIndex >= 0 && typeIndex + 1 < rest.size() ? rest.get(typeIndex + 1) : null;
            if (action == null && "POST".equals(upper) && id == null && ADMIN_STARTS.containsKey(type)) {
                action = ADMIN_STARTS.get(type);
            }
            return new RequestTarget(ADMIN, upper, path, connection, type, id, action != null ? action : operation(upper),
                    isRead(upper) || "DELETE".equals(upper) ? BodyKind.NONE : BodyKind.ADMIN);
        }
        if (path.startsWith("/oauth2/")) {
            return new RequestTarget(OAUTH, upper, path, null, "token", null, "authenticate", BodyKind.NONE);
        }
        return null;
    }

    /** SCIM writes and admin actions; reads (including searches) only when authentication failed. */
    boolean audited(int status) {
        if (status == 401) {
            return true;
        }
        return !api.equals(OAUTH) && !isRead(method) && !"search".equals(operation);
    }

    /** Whether the request body's attribute names should be collected. */
    boolean collectsBody() {
        return body != BodyKind.NONE;
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static String operation(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "PUT" -> "replace";
            case "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> "read";
        };
    }
}
