package dev.patchbay.reconcile;

import dev.patchbay.connector.ConnectorRegistry;
import dev.patchbay.connector.Operation;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.provisioning.policy.ReconciliationRules;
import dev.patchbay.provisioning.policy.ReconciliationSchedule;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts reconciliation runs, on demand and on each connection's schedule (its policy's
 * {@code reconciliation.at} a time of night or {@code reconciliation.every}, else
 * {@code patchbay.reconcile.default-every}: daily), and has the
 * {@link Reconciler} carry due runs on.
 */
@ApplicationScoped
public class Reconciliations {

    /** Why a run did not start. */
    public enum Refusal { NO_CONNECTION, CANNOT_LIST, ALREADY_RUNNING }

    /** The run started, or why none did. */
    public record Started(ReconciliationRun run, Refusal refusal) {
    }

    private final ReconciliationStore store;
    private final Reconciler reconciler;
    private final ConnectorRegistry vendors;
    private final PolicyStore policies;
    private final Clock clock;
    private final boolean enabled;
    private final Duration defaultEvery;

    public Reconciliations(ReconciliationStore store, Reconciler reconciler, ConnectorRegistry vendors,
            PolicyStore policies, Clock clock,
            @ConfigProperty(name = "patchbay.reconcile.enabled") boolean enabled,
            @ConfigProperty(name = "patchbay.reconcile.default-every") Duration defaultEvery) {
        this.store = store;
        this.reconciler = reconciler;
        this.vendors = vendors;
        this.policies = policies;
        this.clock = clock;
        this.enabled = enabled;
        this.defaultEvery = defaultEvery;
    }

    public Started start(String connectionId, boolean preview, String trigger) {
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(connectionId));
        if (connection.isEmpty()) {
            return new Started(null, Refusal.NO_CONNECTION);
        }
        if (!canList(connection.get().vendor)) {
            return new Started(null, Refusal.CANNOT_LIST);
        }
        Optional<UUID> id = store.create(connectionId, preview, trigger);
        return id.map(runId -> new Started(store.find(connectionId, runId).orElseThrow(), null))
                .orElseGet(() -> new Started(null, Refusal.ALREADY_RUNNING));
    }

    private boolean canList(String vendor) {
        return vendors.factory(vendor).map(factory -> factory.vendor().capabilities().can(Operation.LIST))
                .orElse(false);
    }

    @Scheduled(every = "${patchbay.reconcile.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void carryOn() {
        if (enabled) {
            reconciler.runDue(null, 1000);
        }
    }

    @Scheduled(every = "${patchbay.reconcile.schedule-check}", delayed = "${patchbay.reconcile.schedule-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled) {
            startScheduled();
        }
    }

    /** A scheduled run for each connection whose schedule says one is due; returns the connections started. */
    public List<String> startScheduled() {
        Instant now = clock.instant();
        List<Connection> connections = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>listAll());
        List<String> started = new java.util.ArrayList<>();
        for (Connection connection : connections) {
            if (!canList(connection.vendor)) {
                continue;
            }
            Optional<ReconciliationSchedule> schedule = ReconciliationRules.schedule(
                    policies.current(connection.id).document(), defaultEvery);
            boolean due = schedule.isPresent() && schedule.get().due(now, store.latestStart(connection.id));
            if (due && store.create(connection.id, false, "scheduled").isPresent()) {
                started.add(connection.id);
            }
        }
        return started;
    }
}
