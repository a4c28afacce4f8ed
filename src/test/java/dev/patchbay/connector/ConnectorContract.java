package dev.patchbay.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, run by each vendor's test against its simulator over real HTTP: every
 * operation its capabilities declare works, every other one is refused, failures are typed (a 429 with
 * its Retry-After), {@code find} adopts an account that exists already, and {@code check()} tells good
 * credentials from wrong ones.
 */
public abstract class ConnectorContract {

    /** The vendor's factory (its declared capabilities and settings schema). */
    protected abstract ConnectorFactory factory();

    /** The connector under test, wired to a fresh simulator. */
    protected abstract Connector connector();

    protected abstract CallContext context();

    /** A seat the vendor accepts at creation, for a user name no other test uses. */
    protected abstract Seat newSeat(String userName);

    /** A field the vendor can change after creation, and a new value for it. */
    protected abstract Map.Entry<SeatField, Object> changeableField();

    /** The simulator answers the next call about this account with 429 and {@code Retry-After}. */
    protected abstract void rateLimitNextCall(String userName, Duration retryAfter);

    /** Connection settings the simulator refuses (a wrong secret). */
    protected abstract Map<String, Object> wrongCredentials();

    /** An account that exists at the vendor before Patchbay knows of it. */
    protected VendorRef existingAccount(String userName) {
        return connector().create(newSeat(userName), context());
    }

    /** What the connection under test can do, as its settings make it. */
    private Capabilities capabilities() {
        return factory().capabilities(context().settings());
    }

    @Test
    void capabilitiesAreConsistent() {
        Capabilities capabilities = capabilities();
        assertTrue(capabilities.field(SeatField.USER_NAME).route() != WriteRoute.DROP, "userName must be sent");
        assertTrue(capabilities.can(Operation.READ) && capabilities.can(Operation.FIND),
                "every vendor can be read and searched: that is how its accounts are verified and adopted");
        for (SeatField field : capabilities.followUpOrder()) {
            assertEquals(WriteRoute.FOLLOW_UP, capabilities.field(field).route(),
                    field + " is ordered as a follow-up, so it must be routed FOLLOW_UP");
        }
        for (OffboardingAction action : capabilities.offboarding()) {
            if (action instanceof OffboardingAction.Clear clear) {
                assertEquals(WriteRoute.FOLLOW_UP, capabilities.field(clear.field()).route(),
                        "the checklist clears " + clear.field() + " with a follow-up call");
            }
        }
        capabilities.fields().forEach((field, capability) -> {
            if (capability.immutable()) {
                assertTrue(capability.route() == WriteRoute.PATCH || capability.route() == WriteRoute.REPLACE,
                        field + " is immutable, so it is sent at creation");
            }
        });
        for (Operation operation : Operation.values()) {
            if (!capabilities.can(operation)) {
                assertNotNull(capabilities.byHand(operation).reason(), operation + " needs a task for a person");
            }
        }
        assertNotNull(capabilities.immutableChange(), "immutable changes need a task template");
        assertNotNull(capabilities.retryPolicy());
        assertNotNull(capabilities.rateLimit());
        assertNotNull(capabilities.skillScale());
        assertTrue(factory().vendor().id().matches("[a-z0-9]+"), "the vendor id is what connections name");
    }

    @Test
    void createReadAndFind() {
        assumeTrue(capabilities().can(Operation.CREATE));
        Seat seat = newSeat("contract-create");
        VendorRef ref = connector().create(seat, context());
        Seat read = connector().read(ref, context()).orElseThrow();
        assertEquals(seat.text(SeatField.USER_NAME), read.text(SeatField.USER_NAME));
        assertTrue(read.active());
        Optional<VendorRef> found = connector().find(new MatchKey(seat.text(SeatField.USER_NAME),
                seat.text(SeatField.EMAIL), null), context());
        assertEquals(Optional.of(ref), found);
        assertTrue(connector().find(new MatchKey("nobody-" + System.nanoTime(), null, null), context()).isEmpty());
    }

    @Test
    void findAdoptsAnAccountThatExistsAlready() {
        Seat seat = newSeat("contract-existing");
        VendorRef existing = existingAccount("contract-existing");
        assertEquals(Optional.of(existing), connector().find(new MatchKey(seat.text(SeatField.USER_NAME),
                seat.text(SeatField.EMAIL), null), context()));
    }

    @Test
    void everyDeclaredStepRuns() {
        Capabilities capabilities = capabilities();
        VendorRef ref = existingAccount("contract-steps");
        Map.Entry<SeatField, Object> change = changeableField();
        WriteRoute route = capabilities.field(change.getKey()).route();
        Step step = route == WriteRoute.FOLLOW_UP ? new Step.Apply(change.getKey(), change.getValue())
                : new Step.Update(route, new EnumMap<>(Map.of(change.getKey(), change.getValue())));
        if (capabilities.can(Operation.of(step).orElseThrow())) {
            connector().apply(ref, step, context());
            assertEquals(change.getValue(), connector().read(ref, context()).orElseThrow().get(change.getKey()));
        }

        if (capabilities.can(Operation.DEACTIVATE)) {
            connector().apply(ref, new Step.Deactivate(), context());
            assertFalse(connector().read(ref, context()).orElseThrow().active());
        }
        if (capabilities.can(Operation.REACTIVATE)) {
            connector().apply(ref, new Step.Reactivate(), context());
            assertTrue(connector().read(ref, context()).orElseThrow().active());
        }
        if (capabilities.can(Operation.VERIFY_TASK)) {
            assertEquals(Optional.empty(), connector().isDone(ref, new TaskCheck("no_such_task", null), context()),
                    "a task the connector cannot verify waits for a person");
        }
        if (capabilities.can(Operation.DELETE)) {
            connector().apply(ref, new Step.Delete(), context());
            assertTrue(connector().read(ref, context()).map(seat -> !seat.active()).orElse(true),
                    "a deleted account is gone or inactive");
        }
    }

    @Test
    void retireGivesUpTheIdentity() {
        assumeTrue(capabilities().can(Operation.RETIRE));
        Seat seat = newSeat("contract-retire");
        VendorRef ref = existingAccount("contract-retire");
        connector().apply(ref, new Step.Deactivate(), context());
        connector().apply(ref, new Step.Retire(), context());
        assertTrue(connector().find(new MatchKey(seat.text(SeatField.USER_NAME), null, null), context()).isEmpty(),
                "a retired account no longer answers to the user's name");
    }

    @Test
    void undeclaredOperationsAreRefused() {
        Capabilities capabilities = capabilities();
        VendorRef ref = existingAccount("contract-undeclared");
        Map.Entry<SeatField, Object> change = changeableField();
        Map<Operation, Step> steps = Map.of(
                Operation.UPDATE_PATCH, new Step.Update(WriteRoute.PATCH, Map.of(SeatField.USER_NAME, "x@example.com")),
                Operation.UPDATE_REPLACE, new Step.Update(WriteRoute.REPLACE,
                        Map.of(SeatField.USER_NAME, "x@example.com")),
                Operation.FOLLOW_UP, new Step.Apply(change.getKey(), change.getValue()),
                Operation.DEACTIVATE, new Step.Deactivate(),
                Operation.REACTIVATE, new Step.Reactivate(),
                Operation.DELETE, new Step.Delete(),
                Operation.RETIRE, new Step.Retire());
        for (Map.Entry<Operation, Step> entry : steps.entrySet()) {
            if (!capabilities.can(entry.getKey())) {
                assertThrows(ConnectorException.Rejected.class, () -> connector().apply(ref, entry.getValue(), context()),
                        entry.getKey() + " is not declared, so the connector refuses it");
            }
        }
        if (!capabilities.can(Operation.CREATE)) {
            assertThrows(ConnectorException.Rejected.class, () -> connector().create(newSeat("refused"), context()));
        }
    }

    @Test
    void aRateLimitAnswerIsRetryableWithItsRetryAfter() {
        Capabilities capabilities = capabilities();
        VendorRef ref = existingAccount("contract-limited");
        Optional<Step> step = List.of(Operation.DEACTIVATE, Operation.FOLLOW_UP).stream().filter(capabilities::can)
                .findFirst().map(operation -> operation == Operation.DEACTIVATE ? new Step.Deactivate()
                        : new Step.Apply(changeableField().getKey(), changeableField().getValue()));
        rateLimitNextCall(newSeat("contract-limited").text(SeatField.USER_NAME), Duration.ofSeconds(7));
        // A read-only vendor (no writes declared) is limited on a read.
        ConnectorException.Retryable limited = assertThrows(ConnectorException.Retryable.class,
                () -> step.ifPresentOrElse(write -> connector().apply(ref, write, context()),
                        () -> connector().read(ref, context())));
        assertEquals(Optional.of(Duration.ofSeconds(7)), limited.retryAfter());
    }

    @Test
    void checkTellsGoodCredentialsFromWrongOnes() {
        assertEquals(Health.State.UP, connector().check(context()).state());
        Map<String, Object> wrong = wrongCredentials();
        Health refused = factory().connect("contract-wrong-" + System.nanoTime(), wrong)
                .check(new CallContext("contract-wrong", wrong, "contract"));
        assertEquals(Health.State.CREDENTIALS_REJECTED, refused.state(), refused.detail());
    }

    @Test
    void listPagesThroughEveryAccountWithItsSeatAsRead() {
        assumeTrue(capabilities().can(Operation.LIST));
        List<String> names = List.of("contract-list-a", "contract-list-b", "contract-list-c");
        Map<VendorRef, String> created = new java.util.HashMap<>();
        for (String name : names) {
            created.put(existingAccount(name), newSeat(name).text(SeatField.USER_NAME));
        }
        Map<VendorRef, ListedAccount> listed = new java.util.HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            AccountPage page = connector().list(cursor, 2, context());
            page.accounts().forEach(account -> listed.put(account.ref(), account));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertTrue(cursor == null, "the last page has no next cursor");
        created.forEach((ref, userName) -> {
            ListedAccount account = listed.get(ref);
            assertNotNull(account, userName + " is listed");
            Seat read = connector().read(ref, context()).orElseThrow();
            assertEquals(read.text(SeatField.USER_NAME), account.keys().userName(), "its userName as the vendor holds it");
            assertEquals(read, account.seat(), "the listed seat is the seat as read");
        });
    }

    @Test
    void anUnknownAccountIsATypedNotFound() {
        VendorRef missing = new VendorRef("missing-" + System.nanoTime());
        if (capabilities().can(Operation.DEACTIVATE)) {
            assertThrows(ConnectorException.NotFound.class,
                    () -> connector().apply(missing, new Step.Deactivate(), context()));
        }
        assertTrue(connector().read(missing, context()).isEmpty());
    }
}
