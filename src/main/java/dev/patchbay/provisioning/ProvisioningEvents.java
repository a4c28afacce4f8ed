package dev.patchbay.provisioning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The per-user timeline: each step, attempt, error and task, in order. */
@ApplicationScoped
public class ProvisioningEvents {

    public record Event(long id, Long jobId, String kind, String detail, Instant at) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    public ProvisioningEvents(EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "patchbay.timeline.retention")
            Duration retention) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = retention;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void record(String connectionId, UUID userId, Long jobId, String kind, String detail) {
        entityManager.createNativeQuery("""
                insert into provisioning_event (connection_id, user_id, job_id, kind, detail, at)
                values (:connection, :user, :job, :kind, :detail, :at)""")
                .setParameter("connection", connectionId).setParameter("user", userId).setParameter("job", jobId)
                .setParameter("kind", kind).setParameter("detail", detail)
                .setParameter("at", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    /** Timeline entries older than {@code patchbay.timeline.retention} are removed hourly. */
    @Scheduled(every = "1h", delayed = "5m")
    void purgeOld() {
        purgeOlderThan(retention);
    }

    @Transactional
    public int purgeOlderThan(Duration age) {
        return entityManager.createNativeQuery("delete from provisioning_event where at < :before")
                .setParameter("before", clock.instant().minus(age)).executeUpdate();
    }

    @Transactional
    public List<Event> timeline(String connectionId, UUID userId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, job_id, kind, detail, at from provisioning_event
                where connection_id = :connection and user_id = :user order by at, id limit :limit""")
                .setParameter("connection", connectionId).setParameter("user", userId).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Event(((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue(), (String) row[2], (String) row[3],
                (Instant) row[4])).toList();
    }
}
