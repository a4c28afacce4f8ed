package dev.patchbay.reconcile;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.provisioning.policy.PolicyValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One field where the vendor holds something else than Patchbay applied. */
public record Drift(String field, Object applied, Object vendor) {

    /** The fields compared: what a vendor console change silently takes away or adds. */
    static final List<SeatField> COMPARED = List.of(SeatField.LICENSE, SeatField.ROLES, SeatField.SKILLS,
            SeatField.QUEUES, SeatField.AGENT_GROUPS);

    /** Each compared field that differs, and {@code active}, where the vendor's listing shows nothing in full. */
    static List<Drift> between(Seat applied, Seat vendor) {
        return between(applied, vendor, Set.of());
    }

    /**
     * Each compared field that differs, and {@code active}. A field Patchbay applied is compared where the
     * vendor shows it, or where its listing always shows the field in full ({@code shown}): there, absent
     * means none (all queues removed at the vendor). What the vendor's read tells nothing of (VBC's line
     * type, Five9's plan) cannot be told apart from "removed", so it is not compared.
     */
    static List<Drift> between(Seat applied, Seat vendor, Set<SeatField> shown) {
        List<Drift> drifts = new ArrayList<>();
        if (applied.active() != vendor.active()) {
            drifts.add(new Drift("active", applied.active(), vendor.active()));
        }
        for (SeatField field : COMPARED) {
            if (!applied.has(field) || !vendor.has(field) && !shown.contains(field)) {
                continue;
            }
            Object ours = normal(applied.get(field));
            Object theirs = normal(vendor.get(field));
            if (!Objects.equals(ours, theirs)) {
                drifts.add(new Drift(name(field), ours == null ? none(theirs) : ours, theirs == null ? none(ours) : theirs));
            }
        }
        return drifts;
    }

    /** What "none" looks like next to {@code other}: an empty set or map beside one, else null. */
    private static Object none(Object other) {
        if (other instanceof Set<?>) {
            return new TreeSet<String>();
        }
        return other instanceof Map<?, ?> ? new TreeMap<String, Object>() : null;
    }

    /** "agentGroups": the policy's and the admin API's name of a field. */
    static String name(SeatField field) {
        return PolicyValidator.policyName(field);
    }

    /**
     * Sets as sorted strings, skill levels as a sorted map of whole numbers: lists and sets compare alike;
     * an empty one is none.
     */
    private static Object normal(Object value) {
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : new TreeSet<>(values.stream().map(Object::toString).toList());
        }
        if (value instanceof Map<?, ?> levels) {
            if (levels.isEmpty()) {
                return null;
            }
            Map<String, Object> sorted = new TreeMap<>();
            levels.forEach((name, level) -> sorted.put(name.toString(),
                    level instanceof Number number ? (Object) number.intValue() : level));
            return sorted;
        }
        return value instanceof String text && text.isBlank() ? null : value;
    }
}
