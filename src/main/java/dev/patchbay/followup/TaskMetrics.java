package dev.patchbay.followup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Open follow-up tasks as gauges, per connection and kind: how many ({@code patchbay_tasks_open}) and the
 * monthly cost they put at stake ({@code patchbay_tasks_open_monthly_cost}), refreshed every 15 s.
 */
@ApplicationScoped
public class TaskMetrics {

    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final Map<String, DoubleAdder> gauges = new ConcurrentHashMap<>();

    public TaskMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select connection_id, kind, count(*), coalesce(sum(monthly_cost), 0)
                from followup_task where status = 'open' group by connection_id, kind""").getResultList();
        gauges.values().forEach(DoubleAdder::reset);
        for (Object[] row : rows) {
            String connection = (String) row[0];
            String kind = (String) row[1];
            gauge("patchbay_tasks_open", connection, kind, "Open follow-up tasks")
                    .add(((Number) row[2]).doubleValue());
            gauge("patchbay_tasks_open_monthly_cost", connection, kind, "Monthly cost the open tasks put at stake")
                    .add(((Number) row[3]).doubleValue());
        }
    }

    private DoubleAdder gauge(String name, String connection, String kind, String description) {
        return gauges.computeIfAbsent(name + "|" + connection + "|" + kind, key -> {
            DoubleAdder value = new DoubleAdder();
            Gauge.builder(name, value, DoubleAdder::sum).description(description).tag("connection", connection)
                    .tag("kind", kind).register(registry);
            return value;
        });
    }
}
