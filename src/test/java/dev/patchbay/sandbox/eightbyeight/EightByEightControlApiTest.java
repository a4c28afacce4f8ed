package dev.patchbay.sandbox.eightbyeight;

import dev.patchbay.sandbox.kit.ControlApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EightByEightControlApiTest extends ControlApiContract {

    @Override
    protected String simulatorPath() {
        return "/sandbox/8x8";
    }

    @Override
    protected String someTunable() {
        return "burstPer10s";
    }

    @Override
    protected String someApi() {
        return "scim";
    }
}
