package dev.patchbay.connector.vcc;

import dev.patchbay.connector.SandboxDemo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code demo-vcc} connection: wired to the VCC simulator, with agent and supervisor rules, and
 * "allow to act as agent" granted only after an approval (VCC can never take it back).
 */
final class VccDemo {

    static final String POLICY = """
            {"groupRules": [
               {"group": "VCC Agents", "precedence": 10, "roles": ["Agent"],
                "skills": {"Billing": 5, "Technical": 3}, "agentGroups": ["Tier 1"], "telephonyRegion": "UK"},
               {"group": "VCC Supervisors", "precedence": 20, "roles": ["Supervisor", "ActAsAgent"],
                "skills": {"Technical": 8}, "agentGroups": ["Tier 2"], "license": "analytics-viewer"}],
             "offboarding": {"onDelete": "delete"}}""";

    private VccDemo() {
    }

    static SandboxDemo demo(String clientId, String clientSecret) {
        return new SandboxDemo("demo-vcc", "Demo: Vonage Contact Center sandbox", sandbox -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("apiBaseUrl", sandbox + "/vcc");
            settings.put("authBaseUrl", sandbox + "/vcc");
            settings.put("clientId", clientId);
            settings.put("clientSecret", clientSecret);
            settings.put("telephonyRegions", List.of("UK=53000000-0000-4000-8000-000000000001",
                    "US=53000000-0000-4000-8000-000000000002", "DE=53000000-0000-4000-8000-000000000003"));
            return settings;
        }, POLICY, "patchbay.demo.vcc-scim-token");
    }
}
