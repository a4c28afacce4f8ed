package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a control-API fault: {@code {"type":"status","status":503,"count":2,"retryAfterSeconds":5,"api":"admin"}},
 * {@code {"type":"latency","millis":1500}}, {@code {"type":"timeout"}}, {@code {"type":"operationFailure","message":"…"}}.
 */
final class FaultParser {

    private static final Set<String> APIS = Set.of("scim", "admin", "any");

    private FaultParser() {
    }

    static Fault parse(JsonNode node) {
        if (!(node instanceof ObjectNode json)) {
            throw new InvalidInput(null, "A fault must be a JSON object");
        }
        String type = json.path("type").asText("");
        int count = integer(json, "count", 1, 1);
        String api = json.path("api").asText("any").toLowerCase(Locale.ROOT);
        if (!APIS.contains(api)) {
            throw new InvalidInput("api", "api must be scim, admin or any");
        }
        String message = json.hasNonNull("message") ? json.get("message").asText() : null;
        return switch (type) {
            case "status" -> {
                int status = integer(json, "status", -1, 400);
                if (status < 400 || status > 599) {
                    throw new InvalidInput("status", "status must be between 400 and 599");
                }
                Integer retryAfter = json.hasNonNull("retryAfterSeconds")
                        ? integer(json, "retryAfterSeconds", 0, 0) : null;
                yield new Fault(Fault.Type.STATUS, api, status, retryAfter, 0, message, count);
            }
            case "latency" -> {
                int millis = integer(json, "millis", -1, 0);
                if (millis < 0) {
                    throw new InvalidInput("millis", "millis is required for a latency fault");
                }
                yield new Fault(Fault.Type.LATENCY, api, 0, null, millis, message, count);
            }
            case "timeout" -> new Fault(Fault.Type.TIMEOUT, api, 0, null, 0, message, count);
            case "operationFailure" -> new Fault(Fault.Type.OPERATION_FAILURE, "admin", 0, null, 0,
                    message == null ? "Injected operation failure" : message, count);
            default -> throw new InvalidInput("type", "type must be status, latency, timeout or operationFailure");
        };
    }

    static ObjectNode describe(Fault fault) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", switch (fault.type()) {
            case STATUS -> "status";
            case LATENCY -> "latency";
            case TIMEOUT -> "timeout";
            case OPERATION_FAILURE -> "operationFailure";
        });
        node.put("api", fault.api());
        node.put("count", fault.count());
        if (fault.type() == Fault.Type.STATUS) {
            node.put("status", fault.status());
            if (fault.retryAfterSeconds() != null) {
                node.put("retryAfterSeconds", fault.retryAfterSeconds());
            }
        }
        if (fault.type() == Fault.Type.LATENCY) {
            node.put("millis", fault.millis());
        }
        if (fault.message() != null) {
            node.put("message", fault.message());
        }
        return node;
    }

    private static int integer(ObjectNode json, String name, int defaultValue, int min) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw new InvalidInput(name, name + " must be an integer of at least " + min);
        }
        return value.intValue();
    }
}
