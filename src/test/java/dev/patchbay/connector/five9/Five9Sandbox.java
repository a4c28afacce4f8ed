package dev.patchbay.connector.five9;

import dev.patchbay.sandbox.kit.SandboxControl;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** The Five9 simulator of the running test application, driven through the kit's control API. */
final class Five9Sandbox {

    static final String ADMIN = "sandbox-five9-admin";
    static final String SECOND_ADMIN = "sandbox-five9-admin2";
    static final String PASSWORD = "sandbox-five9-password";
    static final SandboxControl CONTROL = new SandboxControl("/sandbox/five9");

    private Five9Sandbox() {
    }

    static String endpoint() {
        return "http://127.0.0.1:" + RestAssured.port + "/sandbox/five9/wsadmin/v13/AdminWebService";
    }

    /** Settings that point the real connector at the simulator, with short skill pacing for tests. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("baseUrl", endpoint());
        settings.put("adminUser", ADMIN);
        settings.put("adminPassword", PASSWORD);
        settings.put("secondAdminUser", SECOND_ADMIN);
        settings.put("secondAdminPassword", PASSWORD);
        settings.put("skillPacingMillis", 50);
        settings.put("requestTimeoutSeconds", 5);
        return settings;
    }

    static void reset() {
        CONTROL.reset();
    }

    static JsonPath state() {
        return CONTROL.state();
    }

    static void fault(Map<String, ?> fault) {
        CONTROL.fault(fault);
    }
}
