package dev.patchbay.admin;

import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.Health;
import dev.patchbay.job.RateLimiter;
import dev.patchbay.provisioning.VendorConnections;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks each connection's vendor whether it accepts the credentials (the connector's {@code check()}), on
 * save, on demand and periodically, and keeps the last answer for the admin API, shown with the vendor
 * account's rate-limit headroom.
 */
@ApplicationScoped
public class VendorHealth {

    private static final Logger LOG = Logger.getLogger(VendorHealth.class);

    /**
     * The vendor's last answer to a credentials check, with the account's rate-limit headroom now (each
     * window's calls used and allowed) and a vendor-requested pause, if any.
     */
    public record Checked(String state, String detail, Instant checkedAt, List<RateLimiter.WindowUse> budget,
            Instant pausedUntil) {
    }

    private final ConnectorRegistry vendors;
    private final VendorConnections connections;
    private final RateLimiter rateLimiter;
    private final EntityManager entityManager;
    private final Clock clock;

    public VendorHealth(ConnectorRegistry vendors, VendorConnections connections, RateLimiter rateLimiter,
            EntityManager entityManager, Clock clock) {
        this.vendors = vendors;
        this.connections = connections;
        this.rateLimiter = rateLimiter;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Checks the connection's vendor now (outside any transaction) and stores the answer. */
    public Optional<Checked> check(String connectionId) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(connectionId));
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        if (vendors.factory(connection.get().vendor).isEmpty()) {
            return Optional.empty();
        }
        Health health = ask(connection.get());
        String state = health.state().name().toLowerCase();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> store(connectionId, state, health.detail(), at));
        return Optional.of(withBudget(connection.get(), state, health.detail(), at));
    }

    /** The last check's answer, with the rate-limit headroom as it is now. */
    public Optional<Checked> last(Connection connection) {
        Optional<Object[]> row = QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery("""
                        select state, detail, checked_at from connection_health where connection_id = :id""")
                .setParameter("id", connection.id).getResultStream().findFirst().map(found -> (Object[]) found));
        return row.map(columns -> withBudget(connection, (String) columns[0], (String) columns[1],
                (Instant) columns[2]));
    }

    private Checked withBudget(Connection connection, String state, String detail, Instant at) {
        List<RateLimiter.WindowUse> budget = connections.rateLimit(connection)
                .map(limit -> rateLimiter.usage(connection.id, limit))
                .orElse(List.of());
        return new Checked(state, detail, at, budget, rateLimiter.pausedUntil(connection.id).orElse(null));
    }

    @Scheduled(every = "${patchbay.vendor-health.interval}", delayed = "${patchbay.vendor-health.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkAll() {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>listAll().stream()
                .map(connection -> connection.id).toList());
        for (String id : ids) {
            try {
                check(id);
            } catch (RuntimeException e) {
                LOG.warnf("Checking the vendor of connection %s failed: %s", id, e.getMessage());
            }
        }
    }

    private Health ask(Connection connection) {
        try {
            VendorConnections.Bound bound = connections.connect(connection).orElseThrow();
            return bound.connector().check(bound.context(connection.id + ":check"));
        } catch (ConnectorException e) {
            return Health.of(e);
        }
    }

    private void store(String connectionId, String state, String detail, Instant at) {
        entityManager.createNativeQuery("""
                insert into connection_health (connection_id, state, detail, checked_at)
                select :id, :state, :detail, :at where exists (select 1 from connection where id = :id)
                on conflict (connection_id) do update set state = excluded.state, detail = excluded.detail,
                    checked_at = excluded.checked_at""")
                .setParameter("id", connectionId).setParameter("state", state)
                .setParameter("detail", detail).setParameter("at", at)
                .executeUpdate();
    }
}
