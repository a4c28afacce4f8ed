package dev.patchbay.reconcile;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A reconciliation run of one connection and its progress: accounts read of the vendor's estimated total
 * (null where the vendor tells none), the phase ({@code listing}, {@code missing}: looking for linked
 * accounts the vendor no longer has, {@code done}), when it started and, where a total is known, when it
 * is expected to finish; its counts per situation.
 */
public record ReconciliationRun(UUID id, String connectionId, boolean preview, String trigger, String state,
        String phase, int accountsRead, Long estimatedTotal, int pages, int vendorCalls, Instant started,
        Instant updated, Instant finished, Instant estimatedFinish, String error, Map<String, Long> counts) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    ReconciliationRun withCounts(Map<String, Long> newCounts) {
        return new ReconciliationRun(id, connectionId, preview, trigger, state, phase, accountsRead, estimatedTotal,
                pages, vendorCalls, started, updated, finished, estimatedFinish, error, newCounts);
    }
}
