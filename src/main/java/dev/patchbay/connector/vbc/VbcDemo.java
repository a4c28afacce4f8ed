package dev.patchbay.connector.vbc;

import dev.patchbay.connector.SandboxDemo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code demo-vbc} connection: wired to the VBC simulator's integration user, Premium lines for the
 * VBC Users group and Advanced for VBC Power Users, the Account Administrator role only after approval,
 * and deleting the user (and releasing its number) when the IdP deletes it.
 */
final class VbcDemo {

    static final String POLICY = """
            {"groupRules": [
               {"group": "VBC Users", "precedence": 10, "license": "Premium"},
               {"group": "VBC Power Users", "precedence": 20, "license": "Advanced"},
               {"group": "VBC Admins", "precedence": 30, "license": "Advanced", "roles": ["Account Administrator"]}],
             "approvals": {"roles": ["Account Administrator"]},
             "offboarding": {"onDelete": "delete"}}""";

    private VbcDemo() {
    }

    static SandboxDemo demo(String accountId, String clientId, String clientSecret, String username, String password) {
        return new SandboxDemo("demo-vbc", "Demo: Vonage Business Communications sandbox", sandbox -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("apiBaseUrl", sandbox + "/vbc");
            settings.put("accountId", accountId);
            settings.put("clientId", clientId);
            settings.put("clientSecret", clientSecret);
            settings.put("username", username);
            settings.put("password", password);
            return settings;
        }, POLICY, "patchbay.demo.vbc-scim-token");
    }
}
