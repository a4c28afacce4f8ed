package dev.patchbay.connector.five9;

import dev.patchbay.connector.SandboxDemo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code demo-five9} connection: wired to the Five9 simulator with both of its admin users, with group
 * rules for agents and supervisors, and Administrator granted only after approval.
 */
final class Five9Demo {

    static final String POLICY = """
            {"groupRules": [
               {"group": "Five9 Agents", "precedence": 10, "license": "Core", "roles": ["Agent"],
                "skills": {"Support": 3, "Billing": 5}, "agentGroups": ["Tier 1"],
                "userProfile": "Agent Profile"},
               {"group": "Five9 Supervisors", "precedence": 20, "license": "Premium",
                "roles": ["Agent", "Supervisor"], "skills": {"Support": 1}, "agentGroups": ["Tier 1", "Tier 2"],
                "userProfile": "Supervisor Profile"},
               {"group": "Five9 Admins", "precedence": 30, "license": "Premium", "roles": ["Administrator"]}],
             "approvals": {"roles": ["Administrator"]},
             "offboarding": {"onDelete": "deactivate"}}""";

    private Five9Demo() {
    }

    static SandboxDemo demo(List<String> adminUsers, String password) {
        return new SandboxDemo("demo-five9", "Demo: Five9 sandbox", sandbox -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("baseUrl", sandbox + "/five9/wsadmin/v13/AdminWebService");
            settings.put("adminUser", adminUsers.get(0));
            settings.put("adminPassword", password);
            if (adminUsers.size() > 1) {
                settings.put("secondAdminUser", adminUsers.get(1));
                settings.put("secondAdminPassword", password);
            }
            settings.put("skillPacingMillis", 500);
            return settings;
        }, POLICY, "patchbay.demo.five9-scim-token");
    }
}
