package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.SandboxDemo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code demo-8x8} connection: wired to the 8x8 simulator, with a group rule for "8x8 Users". */
final class EightByEightDemo {

    static final String POLICY = """
            {"licenseOrder": ["X2", "X4", "X6"],
             "groupRules": [{"group": "8x8 Users", "precedence": 10, "license": "X4", "site": "London",
                             "directoryVisible": true}],
             "offboarding": {"onDelete": "deactivate", "removeLicense": true},
             "prices": {"currency": "USD", "licenses": {"X2": 24, "X4": 44, "X6": 57}}}""";

    private EightByEightDemo() {
    }

    static SandboxDemo demo(String customerId, String scimToken, String apiKey) {
        return new SandboxDemo("demo-8x8", "Demo: 8x8 sandbox", sandbox -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("scimBaseUrl", sandbox + "/8x8/udi/customers/" + customerId + "/scim/v2");
            settings.put("scimToken", scimToken);
            settings.put("adminBaseUrl", sandbox + "/8x8/admin-provisioning");
            settings.put("apiKey", apiKey);
            return settings;
        }, POLICY, "patchbay.demo.scim-token");
    }
}
