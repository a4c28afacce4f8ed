package dev.patchbay.admin;

import dev.patchbay.job.RateLimiter;
import dev.patchbay.job.VendorCircuit;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a connection's vendor is usable now, and the figures that say so: the last credentials check,
 * the circuit, a vendor-requested pause, and the backlog (jobs due, running, dead, and how long the oldest
 * due one has waited). Unusable ({@code up = false}) when the vendor refused the credentials or could not
 * be reached at its last check, its circuit is open, or the oldest due job waited longer than
 * {@code patchbay.vendor-health.max-due-age}. Never part of readiness: a vendor outage must not unroute
 * the gateway.
 */
@ApplicationScoped
public class ConnectionWellness {

    public record Wellness(String connection, String vendor, boolean up, List<String> problems,
            String credentials, String credentialsDetail, Instant checkedAt, boolean circuitOpen,
            Instant nextProbeAt, Instant pausedUntil, long due, long running, long dead, long oldestDueSeconds) {
    }

    private static final List<String> UNUSABLE = List.of("credentials_rejected", "unreachable");

    private final VendorHealth health;
    private final VendorCircuit circuit;
    private final RateLimiter rateLimiter;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration maxDueAge;

    public ConnectionWellness(VendorHealth health, VendorCircuit circuit, RateLimiter rateLimiter,
            EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "patchbay.vendor-health.max-due-age", defaultValue = "15m") Duration maxDueAge) {
        this.health = health;
        this.circuit = circuit;
        this.rateLimiter = rateLimiter;
        this.entityManager = entityManager;
        this.clock = clock;
        this.maxDueAge = maxDueAge;
    }

    public Optional<Wellness> of(String connectionId) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(connectionId));
        return connection.map(this::of);
    }

    private Wellness of(Connection connection) {
        Optional<VendorHealth.Checked> checked = QuarkusTransaction.requiringNew().call(() -> health.last(connection));
        VendorCircuit.State breaker = circuit.state(connection.id);
        Instant paused = rateLimiter.pausedUntil(connection.id).orElse(null);
        Instant now = clock.instant();
        Object[] backlog = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where state = 'pending' and next_attempt_at <= :now),
                               count(*) filter (where state = 'running'),
                               count(*) filter (where state = 'dead'),
                               min(next_attempt_at) filter (where state = 'pending' and next_attempt_at <= :now)
                        from provisioning_job where connection_id = :connection""")
                .setParameter("now", now).setParameter("connection", connection.id).getSingleResult());
        Instant oldestDue = (Instant) backlog[3];
        long oldestDueSeconds = oldestDue == null ? 0 : Duration.between(oldestDue, now).toSeconds();
        List<String> problems = new ArrayList<>();
        String credentials = checked.map(VendorHealth.Checked::state).orElse("unchecked");
        if (UNUSABLE.contains(credentials)) {
            problems.add("the vendor's last check: " + credentials + " ("
                    + checked.map(VendorHealth.Checked::detail).orElse("") + ")");
        }
        if (breaker.open()) {
            problems.add("the vendor keeps failing (circuit open, next probe at " + breaker.probeAt() + "): "
                    + breaker.lastError());
        }
        if (oldestDueSeconds > maxDueAge.toSeconds()) {
            problems.add("the oldest due job has waited " + oldestDueSeconds / 60 + " minutes");
        }
        return new Wellness(connection.id, connection.vendor, problems.isEmpty(), problems, credentials,
                checked.map(VendorHealth.Checked::detail).orElse(null),
                checked.map(VendorHealth.Checked::checkedAt).orElse(null), breaker.open(),
                breaker.open() ? breaker.probeAt() : null, paused, ((Number) backlog[0]).longValue(),
                ((Number) backlog[1]).longValue(), ((Number) backlog[2]).longValue(), oldestDueSeconds);
    }

    /** Every connection's id. */
    List<String> connections() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>listAll().stream()
                .map(connection -> connection.id).toList());
    }
}
