package dev.patchbay.connector.genesys;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import dev.patchbay.connector.ConnectorFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The Genesys Cloud connector against the Genesys Cloud sandbox over real HTTP. */
@QuarkusTest
class GenesysContractTest extends ConnectorContract {

    @Inject
    GenesysConnectorFactory factory;

    private Connector connector;

    @BeforeEach
    void sandbox() {
        GenesysSandbox.reset();
        connector = factory.connect("contract-genesys", GenesysSandbox.settings());
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
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        GenesysSandbox.fault("[{\"type\":\"status\",\"status\":429,\"api\":\"api\",\"retryAfterSeconds\":"
                + retryAfter.toSeconds() + "}]");
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new java.util.HashMap<>(GenesysSandbox.settings());
        settings.put("clientSecret", "not-the-secret");
        return settings;
    }

    @Override
    protected CallContext context() {
        return new CallContext("contract-genesys", GenesysSandbox.settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.DISPLAY_NAME, "Contract Tester", SeatField.EMAIL, userName + "@example.com"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.QUEUES, Set.of("Support", "Sales"));
    }
}
