package dev.patchbay.connector;

import dev.patchbay.provisioning.FakeVendor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The engine tests' fake vendor honours the same contract as real connectors. */
@QuarkusTest
class FakeVendorContractTest extends ConnectorContract {

    @Inject
    FakeVendor vendor;

    @BeforeEach
    void reset() {
        vendor.reset();
    }

    @Override
    protected Connector connector() {
        return vendor;
    }

    @Override
    protected CallContext context() {
        return new CallContext("contract", Map.of(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.EMAIL, userName + "@example.com"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.LICENSE, "CX 3");
    }
}
