package dev.patchbay.connector.genesys;

import dev.patchbay.connector.SandboxDemo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code demo-genesys} connection: wired to the Genesys Cloud simulator, with support agent and supervisor rules. */
final class GenesysDemo {

    static final String POLICY = """
            {"licenseOrder": ["cx1", "cx2", "cx3", "cx4"],
             "groupRules": [
               {"group": "Support Agents", "precedence": 10, "license": "cx1", "roles": ["Agent"],
                "queues": ["Support"], "skills": {"Technical": 3}, "division": "Support"},
               {"group": "Support Supervisors", "precedence": 20, "license": "cx2",
                "roles": ["Agent", "Supervisor"], "queues": ["Support", "Escalations"], "division": "Support"}],
             "offboarding": {"onDelete": "delete"}}""";

    private GenesysDemo() {
    }

    static SandboxDemo demo(String clientId, String clientSecret) {
        return new SandboxDemo("demo-genesys", "Demo: Genesys Cloud sandbox", sandbox -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("apiBaseUrl", sandbox + "/genesys");
            settings.put("loginBaseUrl", sandbox + "/genesys");
            settings.put("clientId", clientId);
            settings.put("clientSecret", clientSecret);
            return settings;
        }, POLICY, "patchbay.demo.genesys-scim-token");
    }
}
