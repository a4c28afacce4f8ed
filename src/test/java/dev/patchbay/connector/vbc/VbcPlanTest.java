package dev.patchbay.connector.vbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.connector.Step;
import dev.patchbay.provisioning.planner.Planner;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VBC's declarations drive the planner: no VBC write is ever planned as a call, each is a task. */
class VbcPlanTest {

    private static final Capabilities VBC = VbcCapabilities.capabilities();

    private static Seat seat(Map<SeatField, Object> fields) {
        return new Seat(true, new EnumMap<>(fields));
    }

    private static final Seat ADA = seat(Map.of(SeatField.USER_NAME, "ada@example.com", SeatField.EMAIL,
            "ada@example.com", SeatField.GIVEN_NAME, "Ada", SeatField.FAMILY_NAME, "Lovelace", SeatField.LICENSE,
            "Premium", SeatField.DISPLAY_NAME, "Ada Lovelace"));

    @Test
    void aCreateIsDoneByHandWithTheLineAndTheExtensionInTheTask() {
        List<Step> steps = Planner.plan(ADA.with(SeatField.EXTENSION, "201"), null, VBC);
        assertEquals(1, steps.size());
        Step.CreateByHand byHand = (Step.CreateByHand) steps.get(0);
        assertEquals("vbc_add_user", byHand.template().kind());
        assertEquals("Premium", byHand.seat().text(SeatField.LICENSE));
        assertEquals("201", byHand.seat().text(SeatField.EXTENSION));
        assertEquals(null, byHand.seat().text(SeatField.DISPLAY_NAME), "VBC has no display name");
    }

    @Test
    void aMissingLineIsAMissingFieldTaskNotAPortalTask() {
        List<Step> steps = Planner.plan(ADA.with(SeatField.LICENSE, null), null, VBC);
        assertEquals(List.of(new Step.RaiseTask(Capabilities.MISSING_FIELD, SeatField.LICENSE, null, null)), steps);
    }

    @Test
    void anExtensionThePersonPickedIsNoChangeButANewOneFromTheIdpIsATask() {
        Seat applied = ADA.with(SeatField.EXTENSION, "305").with(SeatField.PHONE, "+15551230305");
        assertEquals(List.of(), Planner.plan(ADA, applied, VBC));
        assertEquals(List.of(new Step.RaiseTask(VbcCapabilities.CHANGE, SeatField.EXTENSION, "305", "401")),
                Planner.plan(ADA.with(SeatField.EXTENSION, "401"), applied, VBC));
        assertEquals(List.of(new Step.RaiseTask(VbcCapabilities.CHANGE, SeatField.LICENSE, "Premium", "Advanced")),
                Planner.plan(ADA.with(SeatField.LICENSE, "Advanced"), applied, VBC));
    }

    @Test
    void deactivatingAndDeletingAreTheOneRemoveTaskNamingTheNumber() {
        Seat applied = ADA.with(SeatField.EXTENSION, "201").with(SeatField.PHONE, "+15551230001");
        List<Step> deactivate = Planner.plan(applied.withActive(false), applied, VBC);
        assertEquals(List.of(new Step.RaiseTask(VbcCapabilities.REMOVE_USER, null, null, null)), deactivate);
        List<Step> delete = Planner.plan(null, applied, VBC);
        assertEquals(List.of(new Step.RaiseTask(VbcCapabilities.REMOVE_USER, null, null, null),
                new Step.RaiseTask(VbcCapabilities.REMOVE_USER, null, null, null)), delete,
                "the same kind and field: the gateway keeps one task");
        assertEquals("did:+15551230001;extension:201", VbcCapabilities.REMOVE_USER.fieldFor(applied).orElseThrow());
        assertEquals("Delete Ada Lovelace <ada@example.com> in the VBC Admin Portal and release DID +15551230001"
                + " (extension 201): {cost}/month until released. Deleting the user alone keeps the number on the"
                + " account, billed", VbcCapabilities.REMOVE_USER.reasonFor(null, null, null, applied));
        assertEquals("did:;extension:", VbcCapabilities.REMOVE_USER.fieldFor(ADA).orElseThrow());
        assertEquals(null, VbcConnector.part("did:;extension:", "did"));
    }
}
