package dev.patchbay.sandbox.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queued fault, as in the 8x8 sandbox: {@code {"type":"status","status":503,"count":2,"retryAfterSeconds":5}},
 * {@code {"type":"latency","millis":1500}}, {@code {"type":"timeout"}}; {@code api} is {@code api} (Platform
 * API), {@code oauth} (token endpoint) or {@code any} (default).
 */
record GenesysFault(Type type, String api, int status, Integer retryAfterSeconds, long millis, String message,
        int count) {

    enum Type { STATUS, LATENCY, TIMEOUT }

    boolean appliesTo(String target) {
        return "any".equals(api) || api.equals(target);
    }

    GenesysFault consumeOne() {
        return new GenesysFault(type, api, status, retryAfterSeconds, millis, message, count - 1);
    }

    static GenesysFault parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw GenesysFailure.badRequest("A fault must be a JSON object");
        }
        int count = integer(json, "count", 1, 1);
        String api = json.path("api").asText("any");
        if (!api.equals("any") && !api.equals("api") && !api.equals("oauth")) {
            throw GenesysFailure.badRequest("api must be api, oauth or any");
        }
        String message = json.hasNonNull("message") ? json.get("message").asText() : null;
        return switch (json.path("type").asText("")) {
            case "status" -> {
                int status = integer(json, "status", -1, 400);
                if (status > 599) {
                    throw GenesysFailure.badRequest("status must be between 400 and 599");
                }
                Integer retryAfter = json.hasNonNull("retryAfterSeconds") ? integer(json, "retryAfterSeconds", 0, 0)
                        : null;
                yield new GenesysFault(Type.STATUS, api, status, retryAfter, 0, message, count);
            }
            case "latency" -> {
                int millis = integer(json, "millis", -1, 0);
                yield new GenesysFault(Type.LATENCY, api, 0, null, millis, message, count);
            }
            case "timeout" -> new GenesysFault(Type.TIMEOUT, api, 0, null, 0, message, count);
            default -> throw GenesysFailure.badRequest("type must be status, latency or timeout");
        };
    }

    ObjectNode describe() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type.name().toLowerCase());
        node.put("api", api);
        node.put("count", count);
        if (type == Type.STATUS) {
            node.put("status", status);
            if (retryAfterSeconds != null) {
                node.put("retryAfterSeconds", retryAfterSeconds);
            }
        }
        if (type == Type.LATENCY) {
            node.put("millis", millis);
        }
        if (message != null) {
            node.put("message", message);
        }
        return node;
    }

    private static int integer(JsonNode json, String name, int defaultValue, int min) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (defaultValue < min) {
                throw GenesysFailure.badRequest(name + " is required");
            }
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw GenesysFailure.badRequest(name + " must be an integer of at least " + min);
        }
        return value.intValue();
    }
}
