package dev.patchbay.sandbox.five9;

import dev.patchbay.sandbox.kit.ControlApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class Five9ControlApiTest extends ControlApiContract {

    @Override
    protected String simulatorPath() {
        return "/sandbox/five9";
    }

    @Override
    protected String someTunable() {
        return "modifyPerMinute";
    }

    @Override
    protected String someApi() {
        return "soap";
    }
}
