package dev.patchbay.seats;

import dev.patchbay.store.Connection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prometheus gauges of the seat inventory, per connection: {@code patchbay_seats} by vendor, license tier
 * and state ({@code active}, {@code deactivated_licensed}, {@code orphaned}, {@code idle}),
 * {@code patchbay_seat_monthly_cost} and {@code patchbay_seat_savings_available} by vendor and currency.
 * Refreshed from the latest reconciliations every {@code patchbay.seats.metrics-interval}.
 */
@ApplicationScoped
public class SeatMetrics {

    private final SeatInventory inventory;
    private final MeterRegistry registry;
    private final int idleDays;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public SeatMetrics(SeatInventory inventory, MeterRegistry registry,
            @ConfigProperty(name = "patchbay.seats.idle-after-days") int idleDays) {
        this.inventory = inventory;
        this.registry = registry;
        this.idleDays = idleDays;
    }

    @Scheduled(every = "${patchbay.seats.metrics-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        // One refresh at a time (the schedule's and a direct call), each gauge going from its old figure to its
        // new one: a scrape meanwhile never sees a zero in between. A gauge no connection has any more goes to
        // zero at the end.
        Set<String> current = new HashSet<>();
        for (Connection connection : inventory.connections()) {
            SeatReport report = inventory.report(connection, idleDays);
            Tags base = Tags.of("connection", connection.id, "vendor", connection.vendor);
            for (SeatReport.Tier tier : report.tiers()) {
                Tags tierTags = base.and("tier", tier.license());
                current.add(set("patchbay_seats", tierTags.and("state", "active"), tier.active()));
                current.add(set("patchbay_seats", tierTags.and("state", "deactivated_licensed"),
                        tier.deactivatedLicensed()));
                current.add(set("patchbay_seats", tierTags.and("state", "orphaned"), tier.orphaned()));
                current.add(set("patchbay_seats", tierTags.and("state", "idle"), tier.idle()));
            }
            Tags money = base.and("currency", report.currency());
            current.add(set("patchbay_seat_monthly_cost", money, report.totals().monthlyCost().doubleValue()));
            current.add(set("patchbay_seat_savings_available", money, report.savingsAvailable().doubleValue()));
        }
        gauges.forEach((key, value) -> {
            if (!current.contains(key)) {
                value.set(0.0);
            }
        });
    }

    /** Sets the gauge and returns its key. */
    private String set(String name, Tags tags, double value) {
        String key = name + tags;
        gauges.computeIfAbsent(key, absent -> {
            AtomicReference<Double> holder = new AtomicReference<>(0.0);
            Gauge.builder(name, holder, AtomicReference::get).tags(tags)
                    .description("Seat inventory from the latest reconciliation").register(registry);
            return holder;
        }).set(value);
        return key;
    }
}
