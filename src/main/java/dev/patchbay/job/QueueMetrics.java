package dev.patchbay.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queue depth, oldest pending age and dead letters per connection, read from PostgreSQL so that every
 * gateway instance reports the same numbers.
 */
@ApplicationScoped
public class QueueMetrics {

    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public QueueMetrics(EntityManager entityManager, MeterRegistry registry, Clock clock) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select c.id,
                       count(*) filter (where j.state = 'pending'),
                       count(*) filter (where j.state = 'dead'),
                       min(j.created) filter (where j.state = 'pending'),
                       count(*) filter (where j.state = 'running'),
                       (select count(*) from vendor_circuit v where v.connection_id = c.id and v.opened_at is not null)
                from connection c left join provisioning_job j on j.connection_id = c.id
                group by c.id""").getResultList();
        Instant now = clock.instant();
        gauges.keySet().forEach(key -> gauges.get(key).set(0));
        for (Object[] row : rows) {
            String connection = (String) row[0];
            gauge("patchbay_jobs_pending", connection, "Provisioning jobs waiting to run").set(((Number) row[1]).longValue());
            gauge("patchbay_jobs_dead", connection, "Provisioning jobs that gave up").set(((Number) row[2]).longValue());
            Instant oldest = (Instant) row[3];
            gauge("patchbay_jobs_oldest_pending_seconds", connection, "Age of the oldest pending job")
                    .set(oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
            gauge("patchbay_jobs_running", connection, "Provisioning jobs running now").set(((Number) row[4]).longValue());
            gauge("patchbay_vendor_circuit_open", connection, "1 while the vendor account's circuit is open")
                    .set(((Number) row[5]).longValue());
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
