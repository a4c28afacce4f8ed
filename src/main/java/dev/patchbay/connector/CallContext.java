package dev.patchbay.connector;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One vendor call's context: the connection, its settings (secrets included, never logged), a key that
 * stays the same when the same step is retried, and where the connector leaves {@link Notice}s for a person.
 */
public record CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey,
        Consumer<Notice> notices) {

    /** A context whose notices go nowhere (checks, catalogue reads, tests). */
    public CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey) {
        this(connectionId, settings, idempotencyKey, notice -> { });
    }

    /** The call went through and left {@code notice} for a person. */
    public void notice(Notice notice) {
        notices.accept(notice);
    }

    @Override
    public String toString() {
        return "CallContext[connectionId=" + connectionId + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
