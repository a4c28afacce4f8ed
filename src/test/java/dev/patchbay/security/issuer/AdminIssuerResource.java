package dev.patchbay.security.issuer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link TestIssuer} before the application and points admin OIDC at it. */
public class AdminIssuerResource implements QuarkusTestResourceLifecycleManager {

    private TestIssuer issuer;

    @Override
    public Map<String, String> start() {
        issuer = TestIssuer.start();
        return Map.of("patchbay.admin.oidc.issuer", issuer.url());
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
