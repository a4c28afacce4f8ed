package dev.patchbay.connector.eightbyeight;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import io.quarkus.test.junit.QuarkusTest;
import dev.patchbay.connector.ConnectorFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The 8x8 connector against the 8x8 sandbox over real HTTP. */
@QuarkusTest
class EightByEightContractTest extends ConnectorContract {

    private final EightByEightConnectorFactory factory = new EightByEightConnectorFactory();
    private Connector connector;

    @BeforeEach
    void sandbox() {
        EightByEightSandbox.reset();
        connector = factory.connect("contract-8x8", EightByEightSandbox.settings());
    }

    @Override
    protected ConnectorFactory factory() {
        return factory;
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        EightByEightSandbox.fault("{\"type\":\"status\",\"status\":429,\"count\":1,\"retryAfterSeconds\":"
                + retryAfter.toSeconds() + "}");
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new java.util.HashMap<>(EightByEightSandbox.settings());
        settings.put("scimToken", "not-the-token");
        settings.put("apiKey", "not-the-key");
        return settings;
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected CallContext context() {
        return new CallContext("contract-8x8", EightByEightSandbox.settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.GIVEN_NAME, "Contract", SeatField.FAMILY_NAME, "Tester",
                SeatField.EMAIL, userName + "@example.com", SeatField.SITE, "London"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.LICENSE, "X4");
    }
}
