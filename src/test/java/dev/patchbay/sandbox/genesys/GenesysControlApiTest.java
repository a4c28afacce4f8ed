package dev.patchbay.sandbox.genesys;

import dev.patchbay.sandbox.kit.ControlApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GenesysControlApiTest extends ControlApiContract {

    @Override
    protected String simulatorPath() {
        return "/sandbox/genesys";
    }

    @Override
    protected String someTunable() {
        return "rateLimitPerMinute";
    }

    @Override
    protected String someApi() {
        return "oauth";
    }
}
