package dev.patchbay.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What counts as drift between the seat Patchbay applied and the seat the vendor shows. */
class DriftTest {

    private static Seat seat(boolean active, Map<SeatField, Object> fields) {
        return new Seat(active, fields);
    }

    @Test
    void theSameValuesInAnotherShapeAreInSync() {
        Seat applied = seat(true, Map.of(SeatField.ROLES, List.of("Agent", "Supervisor"),
                SeatField.SKILLS, Map.of("Billing", 4L), SeatField.LICENSE, "X4"));
        Seat vendor = seat(true, Map.of(SeatField.ROLES, Set.of("Supervisor", "Agent"),
                SeatField.SKILLS, Map.of("Billing", 4), SeatField.LICENSE, "X4"));
        assertEquals(List.of(), Drift.between(applied, vendor));
    }

    @Test
    void eachDifferingFieldIsNamedWithBothValues() {
        Seat applied = seat(true, Map.of(SeatField.LICENSE, "X4", SeatField.QUEUES, Set.of("Sales", "Support"),
                SeatField.AGENT_GROUPS, Set.of("Tier 1")));
        Seat vendor = seat(false, Map.of(SeatField.LICENSE, "X2", SeatField.QUEUES, Set.of("Support"),
                SeatField.AGENT_GROUPS, Set.of("Tier 1")));
        assertEquals(List.of(new Drift("active", true, false), new Drift("license", "X4", "X2"),
                new Drift("queues", new TreeSet<>(Set.of("Sales", "Support")), new TreeSet<>(Set.of("Support")))),
                Drift.between(applied, vendor));
    }

    @Test
    void aFieldTheVendorDoesNotShowOrPatchbayNeverAppliedIsNotCompared() {
        Seat applied = seat(true, Map.of(SeatField.LICENSE, "Premium"));
        Seat vendor = seat(true, Map.of(SeatField.ROLES, Set.of("Admin"), SeatField.EMAIL, "a@example.com"));
        assertEquals(List.of(), Drift.between(applied, vendor));
    }

    @Test
    void aFieldTheListingAlwaysShowsIsDriftWhenTheVendorHoldsNoneOfIt() {
        Seat applied = seat(true, Map.of(SeatField.QUEUES, Set.of("Sales", "Support"), SeatField.LICENSE, "X4",
                SeatField.SKILLS, Map.of("Billing", 3)));
        Seat vendor = seat(true, Map.of());
        assertEquals(List.of(new Drift("license", "X4", null), new Drift("skills", Map.of("Billing", 3), Map.of()),
                new Drift("queues", new TreeSet<>(Set.of("Sales", "Support")), new TreeSet<>())),
                Drift.between(applied, vendor, Set.of(SeatField.QUEUES, SeatField.LICENSE, SeatField.SKILLS)));
        assertEquals(List.of(), Drift.between(applied, vendor), "where the listing may leave them out, not compared");
    }

    @Test
    void noneAppliedAndNoneShownIsInSync() {
        Seat applied = seat(true, Map.of(SeatField.QUEUES, Set.of(), SeatField.SKILLS, Map.of()));
        assertEquals(List.of(), Drift.between(applied, seat(true, Map.of()), Set.of(SeatField.QUEUES, SeatField.SKILLS)));
        assertEquals(List.of(new Drift("queues", new TreeSet<>(), new TreeSet<>(Set.of("Sales")))),
                Drift.between(applied, seat(true, Map.of(SeatField.QUEUES, List.of("Sales"))),
                        Set.of(SeatField.QUEUES)), "a queue added at the vendor");
    }
}
