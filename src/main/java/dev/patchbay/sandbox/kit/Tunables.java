package dev.patchbay.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulator's knobs: named integers with a configured default and a minimum. {@code PUT _control/settings}
 * changes some of them until the next reset; a body naming an unknown one, or a value below its minimum,
 * changes nothing.
 */
public final class Tunables {

    private record Tunable(long defaultValue, long min) {
    }

    private final Map<String, Tunable> definitions;
    private final Map<String, Long> current = new LinkedHashMap<>();

    private Tunables(Map<String, Tunable> definitions) {
        this.definitions = definitions;
        reset();
    }

    public static Builder define() {
        return new Builder();
    }

    /** Collects the tunables in the order {@code _control/settings} shows them. */
    public static final class Builder {
        private final Map<String, Tunable> definitions = new LinkedHashMap<>();

        public Builder add(String name, long defaultValue, long min) {
            definitions.put(name, new Tunable(defaultValue, min));
            return this;
        }

        public Tunables build() {
            return new Tunables(new LinkedHashMap<>(definitions));
        }
    }

    public synchronized long get(String name) {
        Long value = current.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No tunable " + name);
        }
        return value;
    }

    public int getInt(String name) {
        return Math.toIntExact(get(name));
    }

    public synchronized void reset() {
        definitions.forEach((name, tunable) -> current.put(name, tunable.defaultValue()));
    }

    /** Applies every value of {@code changes} or, when one is unknown or out of range, none. */
    public synchronized void change(ObjectNode changes) {
        Map<String, Long> accepted = new LinkedHashMap<>();
        List<ControlRefusal.Violation> violations = new ArrayList<>();
        changes.fields().forEachRemaining(field -> {
            String name = field.getKey();
            Tunable tunable = definitions.get(name);
            JsonNode value = field.getValue();
            if (tunable == null) {
                violations.add(new ControlRefusal.Violation(name, "Unknown setting " + name + "; known: "
                        + String.join(", ", definitions.keySet())));
            } else if (!value.isIntegralNumber() || value.longValue() < tunable.min()
                    || value.longValue() > Integer.MAX_VALUE) {
                violations.add(new ControlRefusal.Violation(name, name + " must be an integer of at least "
                        + tunable.min()));
            } else {
                accepted.put(name, value.longValue());
            }
        });
        if (!violations.isEmpty()) {
            throw new ControlRefusal(400, violations.get(0).message(), violations);
        }
        current.putAll(accepted);
    }

    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        current.forEach(json::put);
        return json;
    }
}
