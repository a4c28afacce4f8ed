package dev.patchbay.admin;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What each admin role may do, by HTTP method and path, so that the resources need no annotations:
 * {@code viewer} reads; {@code operator} reads and runs the day-to-day writes (close follow-up tasks,
 * re-drive dead jobs, sync a user now, start a reconciliation); {@code admin} does everything.
 */
final class AdminPermissions {

    private static final List<Pattern> OPERATOR_WRITES = List.of(
            Pattern.compile("/admin/v1/tasks/[^/]+/(complete|dismiss)"),
            Pattern.compile("/admin/v1/connections/[^/]+/jobs/[^/]+/redrive"),
            Pattern.compile("/admin/v1/connections/[^/]+/users/[^/]+/sync"),
            Pattern.compile("/admin/v1/connections/[^/]+/reconciliations"));

    private AdminPermissions() {
    }

    static boolean allows(String role, String method, String path) {
        if ("admin".equals(role)) {
            return true;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return switch (role == null ? "" : role) {
            case "operator" -> read || "POST".equals(method)
                    && OPERATOR_WRITES.stream().anyMatch(pattern -> pattern.matcher(path).matches());
            case "viewer" -> read;
            default -> false;
        };
    }
}
