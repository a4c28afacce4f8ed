package dev.patchbay.provisioning;

import dev.patchbay.connector.Capabilities;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Plans, without calling the vendor, each user whose job is due but whose account was not planned since
 * the IdP's last change, and records how many steps lie ahead: during a wave a user waits its turn
 * showing {@code pending} with the real number of steps, not the count its last run left.
 */
@ApplicationScoped
public class PendingStepsPreview {

    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(PendingStepsPreview.class);

    private final EntityManager entityManager;
    private final VendorConnections vendorConnections;
    private final PolicyStore policies;
    private final SyncPlanner planner;
    private final Clock clock;
    private final boolean enabled;

    public PendingStepsPreview(EntityManager entityManager, VendorConnections vendorConnections, PolicyStore policies,
            SyncPlanner planner, Clock clock, @ConfigProperty(name = "patchbay.worker.enabled") boolean enabled) {
        this.entityManager = entityManager;
        this.vendorConnections = vendorConnections;
        this.policies = policies;
        this.planner = planner;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(every = "${patchbay.worker.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled) {
            planDue();
        }
    }

    /** Plans up to a batch of due, unplanned users; returns how many were recorded. */
    public int planDue() {
        Map<String, Optional<Planning>> byConnection = new HashMap<>();
        int recorded = 0;
        for (Unplanned user : unplanned()) {
            Optional<Planning> planning = byConnection.computeIfAbsent(user.connectionId(), this::planning);
            if (planning.isEmpty()) {
                continue;
            }
            try {
                int steps = planner.plan(user.connectionId(), user.userId(), planning.get().capabilities(),
                        planning.get().policy()).steps().size();
                recorded += record(user, steps);
            } catch (RuntimeException e) {
                LOG.debugf("Could not preview the steps of user %s: %s", user.userId(), e.getMessage());
            }
        }
        return recorded;
    }

    private record Unplanned(String connectionId, UUID userId, Instant accountUpdated) {
    }

    private record Planning(Capabilities capabilities, PolicyDocument policy) {
    }

    @SuppressWarnings("unchecked")
    private List<Unplanned> unplanned() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select j.connection_id, j.user_id, a.updated
                from provisioning_job j
                left join vendor_account a on a.connection_id = j.connection_id and a.user_id = j.user_id
                where j.state = 'pending' and j.next_attempt_at <= :now and (a.updated is null or a.updated < j.updated)
                order by j.next_attempt_at
                limit :batch""")
                .setParameter("now", now()).setParameter("batch", BATCH).getResultList());
        return rows.stream().map(row -> new Unplanned((String) row[0], (UUID) row[1], (Instant) row[2])).toList();
    }

    private Optional<Planning> planning(String connectionId) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(connectionId));
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        PolicyDocument policy = policies.current(connectionId).document();
        return vendorConnections.capabilities(connection.get(), policy.vendorOptionsOrNone())
                .map(capabilities -> new Planning(capabilities, policy));
    }

    /** Only if no run saved the account meanwhile (a run's own count wins). */
    private int record(Unplanned user, int steps) {
        return QuarkusTransaction.requiringNew().call(() -> user.accountUpdated() == null
                ? entityManager.createNativeQuery("""
                        insert into vendor_account (connection_id, user_id, vendor_id, applied_seat, status, last_error,
                                                    pending_steps, updated)
                        values (:connection, :user, null, null, 'pending', null, :steps, :now)
                        on conflict (connection_id, user_id) do nothing""")
                        .setParameter("connection", user.connectionId()).setParameter("user", user.userId())
                        .setParameter("steps", steps).setParameter("now", now()).executeUpdate()
                : entityManager.createNativeQuery("""
                        update vendor_account set pending_steps = :steps, updated = :now
                        where connection_id = :connection and user_id = :user and updated = :seen""")
                        .setParameter("connection", user.connectionId()).setParameter("user", user.userId())
                        .setParameter("steps", steps).setParameter("now", now())
                        .setParameter("seen", user.accountUpdated()).executeUpdate());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
