package dev.patchbay.connector.five9;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The Five9 connector against the Five9 simulator over real SOAP. */
@QuarkusTest
class Five9ContractTest extends ConnectorContract {

    private final Five9ConnectorFactory factory = new Five9ConnectorFactory();
    private Connector connector;

    @BeforeEach
    void sandbox() {
        Five9Sandbox.reset();
        connector = factory.connect("contract-five9", Five9Sandbox.settings());
    }

    @Override
    protected ConnectorFactory factory() {
        return factory;
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected CallContext context() {
        return new CallContext("contract-five9", Five9Sandbox.settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.GIVEN_NAME, "Contract", SeatField.FAMILY_NAME, "Tester",
                SeatField.EMAIL, userName + "@example.com"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.FAMILY_NAME, "Changed");
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        Five9Sandbox.fault(Map.of("type", "status", "status", 429, "count", 1,
                "retryAfterSeconds", retryAfter.toSeconds()));
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new HashMap<>(Five9Sandbox.settings());
        settings.put("adminPassword", "not-the-password");
        settings.put("secondAdminPassword", "not-the-password");
        return settings;
    }
}
