package dev.patchbay.console;

import dev.patchbay.reconcile.ReconciliationRun;
import dev.patchbay.reconcile.ReconciliationStore;
import dev.patchbay.seats.SeatInventory;
import dev.patchbay.seats.SeatReport;
import dev.patchbay.store.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The overview's seat numbers per connection: the seat inventory's report, reused while the connection's
 * latest finished reconciliation is the same one and for at most {@code patchbay.console.seat-report-ttl}
 * (a report reads every finding of that run, which an overview of many large connections must not do on
 * every load). The seats page always asks the inventory afresh.
 */
@ApplicationScoped
public class OverviewSeats {

    private record Cached(UUID run, Instant computed, SeatReport report) {
    }

    private final SeatInventory inventory;
    private final ReconciliationStore runs;
    private final Clock clock;
    private final int idleDays;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OverviewSeats(SeatInventory inventory, ReconciliationStore runs, Clock clock,
            @ConfigProperty(name = "patchbay.seats.idle-after-days") int idleDays,
            @ConfigProperty(name = "patchbay.console.seat-report-ttl", defaultValue = "60s") Duration ttl) {
        this.inventory = inventory;
        this.runs = runs;
        this.clock = clock;
        this.idleDays = idleDays;
        this.ttl = ttl;
    }

    public SeatReport of(Connection connection) {
        UUID run = runs.latestDone(connection.id).map(ReconciliationRun::id).orElse(null);
        Instant now = clock.instant();
        Cached cached = cache.get(connection.id);
        if (cached != null && Objects.equals(cached.run(), run) && cached.computed().plus(ttl).isAfter(now)) {
            return cached.report();
        }
        SeatReport report = inventory.report(connection, idleDays);
        cache.put(connection.id, new Cached(run, now, report));
        return report;
    }
}
