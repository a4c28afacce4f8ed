package dev.patchbay.provisioning;

import dev.patchbay.connector.RateLimit;
import dev.patchbay.job.QueueProgress;
import dev.patchbay.store.Connection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection's progress at the budget its settings give it (the admin API's and the metrics'): jobs due,
 * in flight, done in the last hour, and when the backlog should be done. The gauges are refreshed for
 * every connection from PostgreSQL, so every gateway instance reports the same figures.
 */
@ApplicationScoped
public class ConnectionProgress {

    private final QueueProgress progress;
    private final VendorConnections vendorConnections;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    ConnectionProgress(QueueProgress progress, VendorConnections vendorConnections, MeterRegistry registry,
            Clock clock) {
        this.progress = progress;
        this.vendorConnections = vendorConnections;
        this.registry = registry;
        this.clock = clock;
    }

    public QueueProgress.Progress of(Connection connection) {
        RateLimit limit = vendorConnections.rateLimit(connection).orElse(RateLimit.unlimited());
        return progress.of(connection.id, limit);
    }

    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        List<Connection> connections = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>listAll());
        for (Connection connection : connections) {
            QueueProgress.Progress now = of(connection);
            gauge("patchbay_jobs_due", connection.id, "Pending jobs whose time to run has come").set(now.due());
            gauge("patchbay_jobs_done_last_hour", connection.id, "Jobs finished (done or dead) in the last hour")
                    .set(now.doneLastHour());
            gauge("patchbay_backlog_finish_seconds", connection.id,
                    "Seconds until the backlog should be done at the current budget (0: nothing outstanding)")
                    .set(now.estimatedFinish() == null ? 0
                            : Math.max(0, Duration.between(clock.instant(), now.estimatedFinish()).toSeconds()));
        }
    }

    private AtomicLong gauge(String name, String connection, String description) {
        return gauges.computeIfAbsent(name + "|" + connection, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("connection", connection)
                    .register(registry);
            return value;
        });
    }
}
