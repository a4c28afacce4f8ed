package dev.patchbay.provisioning.planner;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.Step;
import java.util.Map;

/** What the vendor holds once a step succeeded; the next plan starts from it. */
public final class AppliedSeat {

    private AppliedSeat() {
    }

    /** The applied seat after {@code step}; null once the account is deleted. */
    public static Seat after(Seat applied, Step step) {
        if (step instanceof Step.Create create) {
            return create.seat();
        }
        if (applied == null) {
            return null;
        }
        if (step instanceof Step.Update update) {
            Seat result = applied;
            for (Map.Entry<dev.patchbay.connector.SeatField, Object> change : update.changes().entrySet()) {
                result = result.with(change.getKey(), change.getValue());
            }
            return result;
        }
        if (step instanceof Step.Apply apply) {
            return applied.with(apply.field(), apply.value());
        }
        if (step instanceof Step.Deactivate) {
            return applied.withActive(false);
        }
        if (step instanceof Step.Reactivate) {
            return applied.withActive(true);
        }
        if (step instanceof Step.Delete || step instanceof Step.Retire) {
            return null;
        }
        return applied;
    }
}
