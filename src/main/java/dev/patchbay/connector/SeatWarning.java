package dev.patchbay.connector;

import java.util.Collection;
import java.util.Map;

/**
 * A seat the vendor accepts but that will not work: on an active seat whose {@code when} field holds
 * {@code value} (a role, say) while {@code empty} is empty, a person is told by {@code task}; the task
 * closes by itself once the seat no longer matches (e.g. a Five9 agent without a skill gets no contacts).
 */
public record SeatWarning(SeatField when, String value, SeatField empty, TaskTemplate task) {

    public boolean matches(Seat seat) {
        return seat != null && seat.active() && holds(seat.get(when), value) && isEmpty(seat.get(empty));
    }

    private static boolean holds(Object field, String value) {
        if (field instanceof Collection<?> values) {
            return values.contains(value);
        }
        return field != null && field.toString().equals(value);
    }

    private static boolean isEmpty(Object field) {
        return field == null || field instanceof Collection<?> values && values.isEmpty()
                || field instanceof Map<?, ?> entries && entries.isEmpty() || field.toString().isBlank();
    }
}
