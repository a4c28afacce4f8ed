package dev.patchbay.connector;

import dev.patchbay.provisioning.FakeVendor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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
    protected ConnectorFactory factory() {
        return vendor;
    }

    @Override
    protected Connector connector() {
        return vendor;
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        vendor.failNext(userName, () -> new ConnectorException.Retryable("429 Too Many Requests", retryAfter));
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        return Map.of(FakeVendor.REJECT_CREDENTIALS, true);
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
