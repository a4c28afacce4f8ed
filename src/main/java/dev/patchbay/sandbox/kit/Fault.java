package dev.patchbay.sandbox.kit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queued fault. The kit knows three types — {@code status} (answer with that status, optionally with
 * Retry-After), {@code latency} (answer {@code millis} late) and {@code timeout} (hold the answer until
 * the client has given up) — and a simulator may declare its own (see {@link FaultSchema}). {@code api}
 * names the simulated API it hits, or {@code any}; {@code name} is a vendor fault name where one applies.
 */
public record Fault(String type, String api, int status, Integer retryAfterSeconds, long millis, String message,
        String name, int count) {

    public static final String STATUS = "status";
    public static final String LATENCY = "latency";
    public static final String TIMEOUT = "timeout";
    public static final String ANY_API = "any";

    public boolean is(String faultType) {
        return type.equals(faultType);
    }

    public boolean appliesTo(String targetApi) {
        return ANY_API.equals(api) || api.equals(targetApi);
    }

    public Fault withApi(String newApi) {
        return new Fault(type, newApi, status, retryAfterSeconds, millis, message, name, count);
    }

    public Fault withMessage(String newMessage) {
        return new Fault(type, api, status, retryAfterSeconds, millis, newMessage, name, count);
    }

    Fault consumeOne() {
        return new Fault(type, api, status, retryAfterSeconds, millis, message, name, count - 1);
    }

    /** The fault as {@code _control/faults} lists it. */
    public ObjectNode describe() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("api", api);
        node.put("count", count);
        if (is(STATUS)) {
            node.put("status", status);
            if (retryAfterSeconds != null) {
                node.put("retryAfterSeconds", retryAfterSeconds);
            }
        }
        if (is(LATENCY)) {
            node.put("millis", millis);
        }
        if (name != null) {
            node.put("name", name);
        }
        if (message != null) {
            node.put("message", message);
        }
        return node;
    }
}
