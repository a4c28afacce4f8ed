package dev.patchbay.connector.vcc;

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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The Vonage Contact Center connector against the VCC simulator over real HTTP. */
@QuarkusTest
class VccContractTest extends ConnectorContract {

    @Inject
    VccConnectorFactory factory;

    private Connector connector;

    @BeforeEach
    void sandbox() {
        VccSandbox.reset();
        connector = factory.connect("contract-vcc", settings());
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(VccSandbox.settings());
        // Each test resets the simulator: no listing may outlive it.
        settings.put("listingCacheSeconds", 0);
        return VccConnectorFactory.SETTINGS.withDefaults(settings);
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
        return new CallContext("contract-vcc", settings(), "contract");
    }

    @Override
    protected Seat newSeat(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName + "@example.com",
                SeatField.DISPLAY_NAME, "Contract Tester", SeatField.EMAIL, userName + "@example.com",
                SeatField.ROLES, Set.of("Agent")));
    }

    /** Made by hand in the Admin Portal, with the username the rule gives and no ssoExternalId. */
    @Override
    protected VendorRef existingAccount(String userName) {
        String username = (userName + "@example.com").replaceAll("[^A-Za-z0-9_]", "_");
        return new VendorRef(VccSandbox.createByHand("""
                {"username":"%s","name":"By Hand","email":"%s@example.com",
                 "userAccountConfiguration":{"role":"Agent","agentConfiguration":{"webrtc":true}}}"""
                .formatted(username, userName)));
    }

    @Override
    protected Map.Entry<SeatField, Object> changeableField() {
        return Map.entry(SeatField.SKILLS, Map.of("Billing", 7));
    }

    @Override
    protected void rateLimitNextCall(String userName, Duration retryAfter) {
        VccSandbox.fault(Map.of("type", "status", "status", 429, "api", "useradmin", "retryAfterSeconds",
                retryAfter.toSeconds()));
    }

    @Override
    protected Map<String, Object> wrongCredentials() {
        Map<String, Object> settings = new HashMap<>(settings());
        settings.put("clientSecret", "not-the-secret");
        return settings;
    }
}
