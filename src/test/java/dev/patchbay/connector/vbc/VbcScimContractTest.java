package dev.patchbay.connector.vbc;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorContract;
import dev.patchbay.connector.ConnectorFactory;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.VendorRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(600);

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

    /** SCIM creates the user, and the portal gives it its line: what an account in VBC is. */
    @Override
    protected VendorRef existingAccount(String userName) {
        VendorRef ref = connector.create(newSeat(userName), context());
        VbcSandbox.giveLine(ref.id(), "Premium", String.valueOf(EXTENSIONS.incrementAndGet()), null);
        return ref;
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
