package dev.patchbay.connector.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.connector.VendorRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VCC connector's own behaviour against the simulator: tokens, scopes, backoff, adoption rules. */
@QuarkusTest
class VccConnectorTest {

    @Inject
    VccConnectorFactory factory;

    private Map<String, Object> settings;
    private CallContext context;

    @BeforeEach
    void fresh() {
        VccSandbox.reset();
        settings = new HashMap<>(VccSandbox.settings());
        settings.put("listingCacheSeconds", 0);
        context = new CallContext("vcc-connector-test", settings, "test");
    }

    private Connector connector(String connectionId) {
        return factory.connect(connectionId + "-" + System.nanoTime(), settings);
    }

    private static Seat agent(String userName) {
        return new Seat(true, Map.of(SeatField.USER_NAME, userName, SeatField.EMAIL, userName,
                SeatField.DISPLAY_NAME, "Test Agent", SeatField.ROLES, Set.of("Agent")));
    }

    @Test
    void anExpiredTokenIsReplacedAndTheCallGoesThrough() {
        Connector connector = connector("tokens");
        assertEquals(Health.State.UP, connector.check(context).state());
        VccSandbox.CONTROL.advanceClock(7_200_000);
        assertEquals(Health.State.UP, connector.check(context).state());
        assertEquals(2, VccSandbox.state().getInt("tokensIssued"));
    }

    @Test
    void aCredentialWithoutTheWriteScopePausesTheConnection() {
        settings.put("scopes", List.of("users:read"));
        Connector connector = connector("read-only");
        assertEquals(Health.State.UP, connector.check(context).state());
        assertThrows(ConnectorException.AuthFailed.class, () -> connector.create(agent("ro@example.com"), context));
    }

    @Test
    void aBare429WaitsABackoffThatGrowsWithEachRefusal() {
        Connector connector = connector("backoff");
        VendorRef ref = connector.create(agent("busy@example.com"), context);
        VccSandbox.fault(Map.of("type", "status", "status", 429, "api", "useradmin", "count", 2));
        Duration first = assertThrows(ConnectorException.Retryable.class,
                () -> connector.apply(ref, new Step.Deactivate(), context)).retryAfter().orElseThrow();
        Duration second = assertThrows(ConnectorException.Retryable.class,
                () -> connector.apply(ref, new Step.Deactivate(), context)).retryAfter().orElseThrow();
        assertTrue(first.toMillis() >= 1_000 && first.toMillis() <= 2_000, first.toString());
        assertTrue(second.toMillis() >= 2_000 && second.toMillis() <= 4_000, second.toString());
        connector.apply(ref, new Step.Deactivate(), context);
        assertEquals(false, connector.read(ref, context).orElseThrow().active());
    }

    @Test
    void aUsernameOfAnotherIdpUserIsRefusedAndARetiredOneIsNobodys() {
        Connector connector = connector("collide");
        VendorRef jane = connector.create(agent("jane.doe@example.com"), context);
        ConnectorException.Rejected refused = assertThrows(ConnectorException.Rejected.class,
                () -> connector.find(new MatchKey("jane_doe@example.com", "jane_doe@example.com", null), context));
        assertTrue(refused.getMessage().contains("jane_doe_example_com"), refused.getMessage());
        assertThrows(ConnectorException.Conflict.class, () -> connector.create(agent("jane_doe@example.com"), context));
        assertEquals(java.util.Optional.of(jane),
                connector.find(new MatchKey("jane.doe@example.com", null, null), context));
        connector.apply(jane, new Step.Retire(), context);
        assertTrue(connector.find(new MatchKey("jane.doe@example.com", "jane.doe@example.com", null), context)
                .isEmpty());
    }

    @Test
    void readShowsRolesAgentIdRegionSkillsGroupsAndLicenses() {
        Connector connector = connector("read");
        Seat seat = new Seat(true, Map.of(SeatField.USER_NAME, "sue@example.com", SeatField.EMAIL, "sue@example.com",
                SeatField.DISPLAY_NAME, "Sue", SeatField.ROLES, Set.of("Supervisor", "ActAsAgent"),
                SeatField.EXTENSION, "900", SeatField.TELEPHONY_REGION, "UK"));
        VendorRef ref = connector.create(seat, context);
        connector.apply(ref, new Step.Apply(SeatField.SKILLS, Map.of("Sales", 9)), context);
        connector.apply(ref, new Step.Apply(SeatField.AGENT_GROUPS, Set.of("Tier 2")), context);
        connector.apply(ref, new Step.Apply(SeatField.LICENSE, "analytics-creator+noise-cancellation"), context);
        Seat read = connector.read(ref, context).orElseThrow();
        assertEquals(Set.of("Supervisor", "ActAsAgent"), read.get(SeatField.ROLES));
        assertEquals("900", read.text(SeatField.EXTENSION));
        assertEquals("UK", read.text(SeatField.TELEPHONY_REGION));
        assertEquals(Map.of("Sales", 9), read.get(SeatField.SKILLS));
        assertEquals(Set.of("Tier 2"), read.get(SeatField.AGENT_GROUPS));
        assertEquals("analytics-creator+noise-cancellation", read.text(SeatField.LICENSE));
        assertThrows(ConnectorException.Rejected.class,
                () -> connector.apply(ref, new Step.Apply(SeatField.SKILLS, Map.of("Juggling", 3)), context));
    }

    @Test
    void settingsAreCheckedBeyondTheirTypes() {
        Map<String, Object> bad = new HashMap<>(VccSandbox.settings());
        bad.put("usernameTemplate", "everyone");
        bad.put("telephonyRegions", List.of("UK"));
        bad.put("idpAuthoritative", List.of("queues"));
        bad.put("scopes", List.of("users:delete"));
        assertEquals(Set.of("usernameTemplate", "telephonyRegions", "idpAuthoritative", "scopes"),
                Set.copyOf(factory.validate(bad).stream().map(v -> v.setting()).toList()));
        assertTrue(factory.validate(VccSandbox.settings()).isEmpty());
    }
}
