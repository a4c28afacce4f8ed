package dev.patchbay.connector.vbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.connector.CallContext;
import dev.patchbay.connector.Connector;
import dev.patchbay.connector.Health;
import dev.patchbay.connector.MatchKey;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.TaskCheck;
import dev.patchbay.connector.VendorRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the VBC connector reads: users as seats, find as the add-user check, the remove check, idle numbers. */
@QuarkusTest
class VbcConnectorTest {

    @Inject
    VbcConnectorFactory factory;

    private Connector connector;
    private final CallContext context = new CallContext("vbc-connector", VbcSandbox.settings(), "test");

    @BeforeEach
    void sandbox() {
        VbcSandbox.reset();
        connector = factory.connect("vbc-connector-" + System.nanoTime(), VbcSandbox.settings());
    }

    @Test
    void aUserReadsAsItsLoginNamesEmailExtensionAndNumber() {
        String id = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        Seat seat = connector.read(new VendorRef(id), context).orElseThrow();
        assertEquals(Map.of(SeatField.USER_NAME, "ada@example.com", SeatField.EMAIL, "ada@example.com",
                SeatField.GIVEN_NAME, "Ada", SeatField.FAMILY_NAME, "Lovelace", SeatField.EXTENSION, "201",
                SeatField.PHONE, "+15551230001"), seat.fields());
        assertEquals(Optional.empty(), connector.read(new VendorRef("987654"), context));
    }

    @Test
    void findWantsAUserWithAnExtensionByEmailOrLoginName() {
        // The integration user has no extension: it is no seat to adopt.
        assertEquals(Optional.empty(), connector.find(new MatchKey("patchbay-integration", null, null), context));
        String id = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", null);
        assertEquals(Optional.of(new VendorRef(id)), connector.find(new MatchKey(null, "ADA@example.com", null), context));
        assertEquals(Optional.of(new VendorRef(id)), connector.find(new MatchKey("ada@example.com", null, null), context));
    }

    @Test
    void numbersWithoutAUserAreFoundOnEveryPage() {
        String first = null;
        String last = null;
        for (int i = 0; i < 101; i++) {
            String id = VbcSandbox.addUser("Agent", "N" + i, "agent" + i + "@example.com", "Mobile",
                    String.valueOf(1000 + i), "+1555000" + (1000 + i));
            first = first == null ? id : first;
            last = id;
        }
        VbcSandbox.deleteUser(first);
        VbcSandbox.deleteUser(last);
        Health health = connector.check(context);
        assertTrue(health.detail().contains("2 number(s) on extensions without a user, billed until released:"
                + " +15550001000, +15550001100"), health.detail());
    }

    @Test
    void theRemoveTaskIsDoneOnlyOnceTheUserIsGoneAndTheNumberReleased() {
        String id = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        TaskCheck remove = new TaskCheck("vbc_remove_user", "did:+15551230001;extension:201");
        VendorRef ref = new VendorRef(id);
        assertEquals(Optional.of(false), connector.isDone(ref, remove, context));
        VbcSandbox.deleteUser(id);
        assertEquals(Optional.of(false), connector.isDone(ref, remove, context), "the number is still billed");
        Health health = connector.check(context);
        assertEquals(Health.State.UP, health.state());
        assertTrue(health.detail().contains("1 number(s) on extensions without a user, billed until released:"
                + " +15551230001"), health.detail());
        VbcSandbox.releaseNumber("+15551230001");
        assertEquals(Optional.of(true), connector.isDone(ref, remove, context));
        assertEquals(Optional.empty(), connector.isDone(ref, new TaskCheck("vbc_change", "license"), context),
                "VBC's API shows no line types: a person completes a line change");
    }

    @Test
    void everyNumberOfTheUsersExtensionMustBeReleasedEvenOneGivenAfterPatchbayLastReadIt() {
        String id = VbcSandbox.addUser("Ada", "Lovelace", "ada@example.com", "Premium", "201", "+15551230001");
        VbcSandbox.assignNumber("201", "+15551230002");
        assertEquals("+15551230001, +15551230002",
                connector.read(new VendorRef(id), context).orElseThrow().text(SeatField.PHONE));
        VbcSandbox.assignNumber("201", "+15551230003");
        // The task names what Patchbay read; the third number came later.
        TaskCheck remove = new TaskCheck("vbc_remove_user", "did:+15551230001, +15551230002;extension:201");
        VbcSandbox.deleteUser(id);
        VbcSandbox.releaseNumber("+15551230001");
        VbcSandbox.releaseNumber("+15551230002");
        assertEquals(Optional.of(false), connector.isDone(new VendorRef(id), remove, context),
                "+15551230003 is still on the deleted user's extension");
        VbcSandbox.releaseNumber("+15551230003");
        assertEquals(Optional.of(true), connector.isDone(new VendorRef(id), remove, context));
    }
}
