package dev.patchbay.reconcile;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.provisioning.policy.PolicyValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** One field where the vendor holds something else than Patchbay applied. */
public record Drift(String field, Object applied, Object vendor) {

    /** The fields compared: what a vendor console change silently takes away or adds. */
    static final List<SeatField> COMPARED = List.of(SeatField.LICENSE, SeatField.ROLES, SeatField.SKILLS,
            SeatField.QUEUES, SeatField.AGENT_GROUPS);

    /**
     * Each compared field that differs, and {@code active}. A field is compared only where both sides hold
     * it: what the vendor's read shows nothing of (VBC's line type) cannot be told apart from "removed".
     */
    static List<Drift> between(Seat applied, Seat vendor) {
        List<Drift> drifts = new ArrayList<>();
        if (applied.active() != vendor.active()) {
            drifts.add(new Drift("active", applied.active(), vendor.active()));
        }
        for (SeatField field : COMPARED) {
            if (applied.has(field) && vendor.has(field)
                    && !Objects.equals(normal(applied.get(field)), normal(vendor.get(field)))) {
                drifts.add(new Drift(name(field), normal(applied.get(field)), normal(vendor.get(field))));
            }
        }
        return drifts;
    }

    /** "agentGroups": the policy's and the admin API's name of a field. */
    static String name(SeatField field) {
        return PolicyValidator.policyName(field);
    }

    /** Sets as sorted strings, skill levels as a sorted map of whole numbers: lists and sets compare alike. */
    private static Object normal(Object value) {
        if (value instanceof Collection<?> values) {
            return new TreeSet<>(values.stream().map(Object::toString).toList());
        }
        if (value instanceof Map<?, ?> levels) {
            Map<String, Object> sorted = new TreeMap<>();
            levels.forEach((name, level) -> sorted.put(name.toString(),
                    level instanceof Number number ? (Object) number.intValue() : level));
            return sorted;
        }
        return value;
    }
}
