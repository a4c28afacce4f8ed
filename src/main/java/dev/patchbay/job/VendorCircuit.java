package dev.patchbay.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A circuit breaker per vendor account, in PostgreSQL so that every instance sees it. After
 * {@code patchbay.circuit.failures} retryable failures in a row the circuit opens: no job calls the vendor
 * (and none burns an attempt) until the probe time; then one job probes, and every other waits. A failed
 * probe doubles the wait (up to {@code patchbay.circuit.max-probe-interval}); the first success closes
 * the circuit, and the caller makes every waiting user due at once.
 */
@ApplicationScoped
public class VendorCircuit {

    /** What a circuit looks like now (for health checks and the admin API). */
    public record State(boolean open, int failures, Instant openedAt, Instant probeAt, String lastError) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final int threshold;
    private final Duration firstProbe;
    private final Duration maxProbe;
    /** Accounts this instance saw fail or open: only their successes need to touch the database. */
    private final Set<String> troubled = ConcurrentHashMap.newKeySet();

    public VendorCircuit(EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "patchbay.circuit.failures", defaultValue = "5") int threshold,
            @ConfigProperty(name = "patchbay.circuit.probe-interval", defaultValue = "30s") Duration firstProbe,
            @ConfigProperty(name = "patchbay.circuit.max-probe-interval", defaultValue = "5m") Duration maxProbe) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.threshold = threshold;
        this.firstProbe = firstProbe;
        this.maxProbe = maxProbe;
    }

    /**
     * Whether job {@code jobId} may call the vendor now: empty when the circuit is closed or this job is
     * the probe; else how long to wait.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Duration> admit(String connectionId, long jobId) {
        Instant now = now();
        List<?> probeAt = entityManager.createNativeQuery(
                        "select probe_at from vendor_circuit where connection_id = :connection and opened_at is not null")
                .setParameter("connection", connectionId).getResultList();
        if (probeAt.isEmpty()) {
            return Optional.empty();
        }
        troubled.add(connectionId);
        Instant due = (Instant) probeAt.get(0);
        if (due.isAfter(now)) {
            return Optional.of(Duration.between(now, due));
        }
        // This job probes; the others wait for its answer (at most one probe interval).
        int claimed = entityManager.createNativeQuery("""
                        update vendor_circuit set probe_at = :next, probe_job = :job
                        where connection_id = :connection and opened_at is not null and probe_at <= :now""")
                .setParameter("next", now.plusMillis(currentProbeMillis(connectionId)))
                .setParameter("connection", connectionId).setParameter("now", now).setParameter("job", jobId)
                .executeUpdate();
        return claimed == 1 ? Optional.empty() : Optional.of(firstProbe);
    }

    /** A retryable failure of the vendor: counts toward opening, and a failed probe waits twice as long. */
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String connectionId, long jobId, String error) {
        troubled.add(connectionId);
        Instant now = now();
        entityManager.createNativeQuery("""
                        insert into vendor_circuit (connection_id, failures, last_error) values (:connection, 1, :error)
                        on conflict (connection_id) do update set failures = vendor_circuit.failures + 1,
                            last_error = excluded.last_error""")
                .setParameter("connection", connectionId).setParameter("error", error).executeUpdate();
        entityManager.createNativeQuery("""
                        update vendor_circuit set opened_at = :now, probe_millis = :first, probe_at = :firstProbe
                        where connection_id = :connection and opened_at is null and failures >= :threshold""")
                .setParameter("now", now).setParameter("first", firstProbe.toMillis())
                .setParameter("firstProbe", now.plus(firstProbe)).setParameter("connection", connectionId)
                .setParameter("threshold", threshold).executeUpdate();
        // The probe failed: the vendor is still down, wait twice as long before the next one.
        entityManager.createNativeQuery("""
                        update vendor_circuit set probe_millis = least(probe_millis * 2, :max), probe_job = null,
                            probe_at = cast(:now as timestamptz)
                                       + make_interval(secs => least(probe_millis * 2, :max) / 1000.0)
                        where connection_id = :connection and opened_at is not null and probe_job = :job""")
                .setParameter("max", maxProbe.toMillis()).setParameter("now", now)
                .setParameter("connection", connectionId).setParameter("job", jobId).executeUpdate();
    }

    /** A vendor call went through: the circuit closes. True when it was open (waiting users may go on). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean succeeded(String connectionId) {
        if (!troubled.contains(connectionId)) {
            return false;
        }
        List<?> deleted = entityManager.createNativeQuery(
                        "delete from vendor_circuit where connection_id = :connection returning opened_at")
                .setParameter("connection", connectionId).getResultList();
        troubled.remove(connectionId);
        return !deleted.isEmpty() && deleted.get(0) != null;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public State state(String connectionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select failures, opened_at, probe_at, last_error from vendor_circuit
                        where connection_id = :connection""")
                .setParameter("connection", connectionId).getResultList();
        if (rows.isEmpty()) {
            return new State(false, 0, null, null, null);
        }
        Object[] row = rows.get(0);
        return new State(row[1] != null, ((Number) row[0]).intValue(), (Instant) row[1], (Instant) row[2],
                (String) row[3]);
    }

    private long currentProbeMillis(String connectionId) {
        Object millis = entityManager.createNativeQuery(
                        "select probe_millis from vendor_circuit where connection_id = :connection")
                .setParameter("connection", connectionId).getSingleResult();
        return millis == null ? firstProbe.toMillis() : ((Number) millis).longValue();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
