package dev.patchbay.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminPermissionsTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "viewer,   GET,    /admin/v1/connections,                       true",
            "viewer,   POST,   /admin/v1/connections,                       false",
            "viewer,   POST,   /admin/v1/tasks/t1/complete,                 false",
            "viewer,   PUT,    /admin/v1/connections/c1/policy,             false",
            "operator, GET,    /admin/v1/connections/c1/jobs/dead,          true",
            "operator, POST,   /admin/v1/tasks/t1/complete,                 true",
            "operator, POST,   /admin/v1/tasks/t1/dismiss,                  true",
            "operator, POST,   /admin/v1/connections/c1/jobs/42/redrive,    true",
            "operator, POST,   /admin/v1/connections/c1/users/u1/sync,      true",
            "viewer,   POST,   /admin/v1/connections/c1/users/u1/sync,      false",
            "operator, POST,   /admin/v1/connections,                       false",
            "operator, POST,   /admin/v1/connections/c1/reconciliations,    true",
            "admin,    POST,   /admin/v1/connections/c1/reconciliations,    true",
            "viewer,   POST,   /admin/v1/connections/c1/reconciliations,    false",
            "operator, POST,   /admin/v1/connections/c1/reconciliations/r1, false",
            "operator, DELETE, /admin/v1/connections/c1/reconciliations,    false",
            "operator, DELETE, /admin/v1/tasks/t1/complete,                 false",
            "operator, POST,   /admin/v1/tasks/t1/complete/extra,           false",
            "operator, POST,   /admin/v1/connections/c1/oauth-clients,      false",
            "operator, PUT,    /admin/v1/connections/c1/policy,             false",
            "admin,    DELETE, /admin/v1/connections/c1,                    true",
            "admin,    PUT,    /admin/v1/connections/c1/policy,             true",
            "auditor,  GET,    /admin/v1/connections,                       false",
    })
    void rolesAllowMethodsAndPaths(String role, String method, String path, boolean allowed) {
        assertEquals(allowed, AdminPermissions.allows(role, method, path));
    }
}
