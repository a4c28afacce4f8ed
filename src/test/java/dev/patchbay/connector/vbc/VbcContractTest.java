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
 * The VBC connector against the VBC sandbox over real HTTP. VBC declares read, find and task verification
 * only, so the contract's write tests check that every write is refused; accounts that "exist already"
 * are added through the sandbox's admin portal, as a person would.
 */
@QuarkusTest
class VbcContractTest extends ConnectorContract {

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(300);

    @Inject
    VbcConnectorFactory factory;

    private Connector connector;

    @BeforeEach
    void sandbox() {
        VbcSandbox.reset();
        connector = factory.connect("contract-vbc-" + System.nanoTime(), VbcSandbox.settings());
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
        return new CallContext("contract-vbc", VbcSandbox.settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com", SeatField.EMAIL,
                userName + "@example.com", SeatField.GIVEN_NAME, "Contract", SeatField.FAMILY_NAME, "Tester",
                SeatField.LICENSE, "Premium"));
    }

    @Override
    protected VendorRef existingAccount(String userName) {
        return new VendorRef(VbcSandbox.addUser("Contract", "Tester", userName + "@example.com", "Premium",
                String.valueOf(EXTENSIONS.incrementAndGet()), null));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.LICENSE, "Advanced");
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        VbcSandbox.fault("{\"type\":\"status\",\"status\":429,\"api\":\"provisioning\",\"retryAfterSeconds\":"
                + retryAfter.toSeconds() + "}");
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new HashMap<>(VbcSandbox.settings());
        settings.put("password", "not-the-integration-password");
        return settings;
    }
}
