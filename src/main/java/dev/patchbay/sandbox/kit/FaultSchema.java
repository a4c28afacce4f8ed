package dev.patchbay.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a simulator accepts in {@code POST _control/faults}: the names of its APIs and any fault types of
 * its own beside status, latency and timeout. A simulator's own type gets the common fields read and
 * checks or completes them ({@link #withType}).
 */
public final class FaultSchema {

    private final List<String> apis;
    private final Map<String, UnaryOperator<Fault>> ownTypes;

    private FaultSchema(List<String> apis, Map<String, UnaryOperator<Fault>> ownTypes) {
        this.apis = List.copyOf(apis);
        this.ownTypes = ownTypes;
    }

    public static FaultSchema apis(String... apis) {
        return new FaultSchema(List.of(apis), new LinkedHashMap<>());
    }

    /** A vendor fault type; {@code complete} checks the fault read (throwing {@link ControlRefusal}) and may fill in defaults. */
    public FaultSchema withType(String type, UnaryOperator<Fault> complete) {
        Map<String, UnaryOperator<Fault>> types = new LinkedHashMap<>(ownTypes);
        types.put(type, complete);
        return new FaultSchema(apis, types);
    }

    /** Reads one fault object, e.g. {@code {"type":"status","status":503,"count":2,"retryAfterSeconds":5,"api":"admin"}}. */
    public Fault parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ControlRefusal.badRequest(null, "A fault must be a JSON object");
        }
        String type = node.path("type").asText("");
        String api = node.path("api").asText(Fault.ANY_API);
        if (!api.equals(Fault.ANY_API) && !apis.contains(api)) {
            throw ControlRefusal.badRequest("api", "api must be " + String.join(", ", apis) + " or any");
        }
        int count = integer(node, "count", 1, 1);
        String message = node.hasNonNull("message") ? node.get("message").asText() : null;
        String name = node.hasNonNull("name") ? node.get("name").asText() : null;
        return switch (type) {
            case Fault.STATUS -> {
                int status = required(node, "status", 400);
                if (status > 599) {
                    throw ControlRefusal.badRequest("status", "status must be between 400 and 599");
                }
                Integer retryAfter = node.hasNonNull("retryAfterSeconds") ? integer(node, "retryAfterSeconds", 0, 0)
                        : null;
                yield new Fault(type, api, status, retryAfter, 0, message, name, count);
            }
            case Fault.LATENCY -> new Fault(type, api, 0, null, required(node, "millis", 0), message, name, count);
            case Fault.TIMEOUT -> new Fault(type, api, 0, null, 0, message, name, count);
            default -> {
                UnaryOperator<Fault> complete = ownTypes.get(type);
                if (complete == null) {
                    throw ControlRefusal.badRequest("type", "type must be " + String.join(", ", types()));
                }
                yield complete.apply(new Fault(type, api, 0, null, 0, message, name, count));
            }
        };
    }

    private Set<String> types() {
        Set<String> types = new TreeSet<>(List.of(Fault.STATUS, Fault.LATENCY, Fault.TIMEOUT));
        types.addAll(ownTypes.keySet());
        return types;
    }

    private static int required(JsonNode node, String name, int min) {
        if (!node.hasNonNull(name)) {
            throw ControlRefusal.badRequest(name, name + " is required");
        }
        return integer(node, name, min, min);
    }

    private static int integer(JsonNode node, String name, int defaultValue, int min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw ControlRefusal.badRequest(name, name + " must be an integer of at least " + min);
        }
        return value.intValue();
    }
}
