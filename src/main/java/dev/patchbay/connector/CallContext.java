package dev.patchbay.connector;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One vendor call's context: the connection, its settings (secrets included, never logged), a key that
 * stays the same when the same step is retried, where the connector leaves {@link Notice}s for a person,
 * and the seat Patchbay last applied to the account ({@code applied}, null for none): what of a list
 * the vendor holds Patchbay put there, as opposed to what a person added by hand; and the {@link CallMeter}
 * that counts the vendor calls made in this context.
 */
public record CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey,
        Consumer<Notice> notices, Seat applied, CallMeter meter) {

    /** A context whose notices go nowhere and that knows no applied seat (checks, catalogue reads, tests). */
    public CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey) {
        this(connectionId, settings, idempotencyKey, notice -> { }, null);
    }

    /** A context with a meter of its own. */
    public CallContext(String connectionId, Map<String, Object> settings, String idempotencyKey,
            Consumer<Notice> notices, Seat applied) {
        this(connectionId, settings, idempotencyKey, notices, applied, new CallMeter());
    }

    /** The same context once Patchbay applied {@code seat} (a step of the run went through). */
    public CallContext withApplied(Seat seat) {
        return new CallContext(connectionId, settings, idempotencyKey, notices, seat, meter);
    }

    /** What Patchbay last applied of {@code field}; null when it applied none. */
    public Object appliedValue(SeatField field) {
        return applied == null ? null : applied.get(field);
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
