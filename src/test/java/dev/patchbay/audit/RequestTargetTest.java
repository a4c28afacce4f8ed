package dev.patchbay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Admin actions are named for what they are, and the resource they act on is the path before the action. */
class RequestTargetTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /admin/v1/connections/c-1/policy/dry-run, dry-run, c-1, policy, ",
            "POST, /admin/v1/connections/c-1/jobs/42/redrive, redrive, c-1, jobs, 42",
            "POST, /admin/v1/connections/c-1/jobs/dead/redrive, redrive, c-1, jobs, dead",
            "POST, /admin/v1/connections/c-1/jobs/dead/discard, discard, c-1, jobs, dead",
            "POST, /admin/v1/tasks/t-7/complete, complete, , tasks, t-7",
            "POST, /admin/v1/tasks/t-7/dismiss, dismiss, , tasks, t-7",
            "POST, /admin/v1/connections/c-1/users/u-3/sync, sync, c-1, users, u-3",
            "POST, /admin/v1/connections/c-1/check, check, c-1, connections, c-1",
            "POST, /admin/v1/secrets/rotate, rotate, , secrets, ",
            "POST, /admin/v1/connections/c-1/reconciliations, reconcile, c-1, reconciliations, ",
            "POST, /admin/v1/connections/c-1/tokens, create, c-1, tokens, ",
            "PUT, /admin/v1/connections/c-1/policy, replace, c-1, policy, ",
            "DELETE, /admin/v1/connections/c-1/tokens/t-9, delete, c-1, tokens, t-9",
            "POST, /admin/v1/connections, create, , connections, "
    })
    void namesTheAdminAction(String method, String path, String operation, String connection, String type,
            String id) {
        RequestTarget target = RequestTarget.of(method, path);
        assertEquals(operation, target.operation());
        assertEquals(connection, target.connectionId());
        assertEquals(type, target.resourceType());
        assertEquals(id, target.resourceId());
    }

    @Test
    void everyNamedOperationCanBeFilteredOn() {
        RequestTarget.ADMIN_ACTIONS.forEach(action -> assertEquals(true, AuditResource.OPERATIONS.contains(action)));
        assertEquals(true, AuditResource.OPERATIONS.contains("reconcile"));
        assertEquals(true, AuditResource.OPERATIONS.contains("preview"));
    }
}
