package dev.patchbay.connector;

import java.util.Map;

/**
 * One vendor call's context: the connection, its settings (secrets included, never logged), and a key
 * that stays the same when the same step is retried.
 */
public record CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey) {

    @Override
    public String toString() {
        return "CallContext[connectionId=" + connectionId + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
