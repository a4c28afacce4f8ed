package dev.patchbay.connector;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The vendor-neutral desired (or last applied) state of one user at a vendor: identity, whether the
 * account is active, and each {@link SeatField} that has a value. Values are strings, booleans, sets
 * of strings, or maps of skill name to level.
 */
public record Seat(boolean active, Map<SeatField, Object> fields) {

    public Seat {
        EnumMap<SeatField, Object> copy = new EnumMap<>(SeatField.class);
        fields.forEach((field, value) -> {
            if (value != null) {
                copy.put(field, value);
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }

    public Object get(SeatField field) {
        return fields.get(field);
    }

    public String text(SeatField field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    public boolean has(SeatField field) {
        return fields.containsKey(field);
    }

    public Seat with(SeatField field, Object value) {
        EnumMap<SeatField, Object> copy = new EnumMap<>(SeatField.class);
        copy.putAll(fields);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return new Seat(active, copy);
    }

    public Seat withActive(boolean newActive) {
        return new Seat(newActive, fields);
    }

    public boolean sameValue(SeatField field, Seat other) {
        return Objects.equals(get(field), other == null ? null : other.get(field));
    }
}
