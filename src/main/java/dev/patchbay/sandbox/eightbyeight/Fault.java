package dev.patchbay.sandbox.eightbyeight;

/**
 * A queued fault: answer with a status, delay the answer, hold it until the client gives up, or fail
 * the next asynchronous operations. {@code api} is {@code scim}, {@code admin} or {@code any}.
 */
record Fault(Type type, String api, int status, Integer retryAfterSeconds, long millis, String message, int count) {

    enum Type { STATUS, LATENCY, TIMEOUT, OPERATION_FAILURE }

    boolean appliesTo(Api target) {
        return type != Type.OPERATION_FAILURE && ("any".equals(api) || target.name().equalsIgnoreCase(api));
    }

    Fault consumeOne() {
        return new Fault(type, api, status, retryAfterSeconds, millis, message, count - 1);
    }

    /** The two simulated APIs. */
    enum Api { SCIM, ADMIN }
}
