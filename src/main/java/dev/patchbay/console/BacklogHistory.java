package dev.patchbay.console;

import dev.patchbay.admin.ConnectionService;
import dev.patchbay.admin.ProvisioningResource;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each connection's backlog (the admin API's progress: jobs outstanding) sampled every
 * {@code patchbay.console.backlog-sample-every}, for the overview's "backlog over the last day". Samples sit on
 * a fixed grid, so replicas that sample the same instant write one row; two days are kept.
 */
@ApplicationScoped
public class BacklogHistory {

    static final Duration KEPT = Duration.ofDays(2);
    static final Duration SHOWN = Duration.ofDays(1);

    /** A connection's samples, oldest first: epoch seconds and jobs outstanding. */
    public record Series(String connectionId, List<Long> at, List<Long> remaining) {
    }

    private final EntityManager entityManager;
    private final ConnectionService connections;
    private final ProvisioningResource provisioning;
    private final Clock clock;
    private final Duration every;

    public BacklogHistory(EntityManager entityManager, ConnectionService connections,
            ProvisioningResource provisioning, Clock clock,
            @ConfigProperty(name = "patchbay.console.backlog-sample-every", defaultValue = "5m") Duration every) {
        this.entityManager = entityManager;
        this.connections = connections;
        this.provisioning = provisioning;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(every = "${patchbay.console.backlog-sample-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sample();
    }

    /** Samples every connection now (on the grid) and forgets samples older than two days. */
    @ActivateRequestContext
    public void sample() {
        long grid = Math.max(1, every.toSeconds());
        Instant at = Instant.ofEpochSecond(clock.instant().getEpochSecond() / grid * grid);
        for (Connection connection : connections.page(0, OverviewResource.MAX_CONNECTIONS)) {
            long remaining = provisioning.progress(connection.id).remaining();
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    insert into console_backlog_sample (connection_id, at, remaining) values (:c, :at, :remaining)
                    on conflict (connection_id, at) do update set remaining = excluded.remaining""")
                    .setParameter("c", connection.id).setParameter("at", at).setParameter("remaining", remaining)
                    .executeUpdate());
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from console_backlog_sample where at < :before")
                .setParameter("before", at.minus(KEPT)).executeUpdate());
    }

    /** The last day's samples of these connections, in their order (a connection without samples is left out). */
    public List<Series> lastDay(List<String> connectionIds) {
        Instant since = clock.instant().minus(SHOWN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select connection_id, at, remaining from console_backlog_sample
                where at >= :since and connection_id in (:ids) order by connection_id, at""")
                .setParameter("since", since).setParameter("ids", connectionIds.isEmpty() ? List.of("") : connectionIds)
                .getResultList());
        Map<String, Series> series = new LinkedHashMap<>();
        connectionIds.forEach(id -> series.put(id, new Series(id, new ArrayList<>(), new ArrayList<>())));
        for (Object[] row : rows) {
            Series one = series.get((String) row[0]);
            one.at().add(((Instant) row[1]).getEpochSecond());
            one.remaining().add(((Number) row[2]).longValue());
        }
        return series.values().stream().filter(one -> !one.at().isEmpty()).toList();
    }
}
