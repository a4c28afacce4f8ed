package dev.patchbay.connector.vbc;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The VBC connector of a connection that names a SCIM endpoint, against the sandbox's: create, identity
 * changes, deactivation, reactivation and delete go through SCIM, and the contract checks each of them;
 * the line stays a follow-up the connector refuses.
 */
@QuarkusTest
class VbcScimContractTest extends ConnectorContract {

    @Inject
    VbcConnectorFactory factory;

    private Connector connector;

    @BeforeEach
    void sandbox() {
        VbcSandbox.reset();
        connector = factory.connect("contract-vbc-scim-" + System.nanoTime(), VbcSandbox.scimSettings());
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
        return new CallContext("contract-vbc-scim", VbcSandbox.scimSettings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com", SeatField.EMAIL,
                userName + "@example.com", SeatField.GIVEN_NAME, "Contract", SeatField.FAMILY_NAME, "Tester",
                SeatField.LICENSE, "Premium"));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.GIVEN_NAME, "Renamed");
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        VbcSandbox.fault("{\"type\":\"status\",\"status\":429,\"api\":\"scim\",\"retryAfterSeconds\":"
                + retryAfter.toSeconds() + "}");
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new HashMap<>(VbcSandbox.scimSettings());
        settings.put("password", "not-the-integration-password");
        return settings;
    }
}
