package dev.patchbay.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, run by each vendor's test against its simulator over real HTTP:
 * create, read, find, apply each kind of step, typed failures, and capabilities the planner can use.
 */
public abstract class ConnectorContract {

    /** The connector under test, wired to a fresh simulator. */
    protected abstract Connector connector();

    protected abstract CallContext context();

    /** A seat the vendor accepts at creation, for a user name no other test uses. */
    protected abstract Seat newSeat(String userName);

    /** A field the vendor can change after creation, and a new value for it. */
    protected abstract Map.Entry<SeatField, Object> changeableField();

    @Test
    void capabilitiesAreConsistent() {
        Capabilities capabilities = connector().capabilities();
        assertTrue(capabilities.field(SeatField.USER_NAME).route() != WriteRoute.DROP, "userName must be sent");
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
        assertNotNull(capabilities.immutableChange(), "immutable changes need a task template");
        assertNotNull(capabilities.retryPolicy());
        assertNotNull(capabilities.rateLimit());
    }

    @Test
    void createReadAndFind() {
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
    void updatesDeactivationReactivationAndDelete() {
        VendorRef ref = connector().create(newSeat("contract-steps"), context());
        Map.Entry<SeatField, Object> change = changeableField();
        WriteRoute route = connector().capabilities().field(change.getKey()).route();
        Step step = route == WriteRoute.FOLLOW_UP ? new Step.Apply(change.getKey(), change.getValue())
                : new Step.Update(route, new EnumMap<>(Map.of(change.getKey(), change.getValue())));
        connector().apply(ref, step, context());
        assertEquals(change.getValue(), connector().read(ref, context()).orElseThrow().get(change.getKey()));

        connector().apply(ref, new Step.Deactivate(), context());
        assertFalse(connector().read(ref, context()).orElseThrow().active());
        connector().apply(ref, new Step.Reactivate(), context());
        assertTrue(connector().read(ref, context()).orElseThrow().active());

        if (connector().capabilities().deleteMode() != DeleteMode.DEACTIVATE_ONLY) {
            connector().apply(ref, new Step.Delete(), context());
            assertTrue(connector().read(ref, context()).map(seat -> !seat.active()).orElse(true),
                    "a deleted account is gone or inactive");
        }
    }

    @Test
    void anUnknownAccountIsATypedNotFound() {
        VendorRef missing = new VendorRef("missing-" + System.nanoTime());
        assertThrows(ConnectorException.NotFound.class,
                () -> connector().apply(missing, new Step.Deactivate(), context()));
        assertTrue(connector().read(missing, context()).isEmpty());
    }
}
