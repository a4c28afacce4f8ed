package dev.patchbay.admin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * One wellness check per connection ({@code /q/health/well}, named {@code vendor:<connection>}): DOWN, with
 * the figures as data, when the connection's vendor is unusable. Registered for the connections there are,
 * and kept in step with them.
 */
@ApplicationScoped
public class VendorWellnessChecks {

    private static final Logger LOG = Logger.getLogger(VendorWellnessChecks.class);

    /** Each check holds up to two database connections at a time (its reads and the rate limiter's). */
    private static final int CHECKING_THREADS = 2;

    private final HealthRegistry registry;
    private final ConnectionWellness wellness;
    private final Set<String> registered = new HashSet<>();
    private final ExecutorService checking = Executors.newFixedThreadPool(CHECKING_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "vendor-wellness");
        thread.setDaemon(true);
        return thread;
    });

    public VendorWellnessChecks(@Wellness HealthRegistry registry, ConnectionWellness wellness) {
        this.registry = registry;
        this.wellness = wellness;
    }

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    @PreDestroy
    void stop() {
        checking.shutdownNow();
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        List<String> connections;
        try {
            connections = wellness.connections();
        } catch (RuntimeException e) {
            LOG.debugf("Connections could not be listed for the wellness checks: %s", e.getMessage());
            return;
        }
        for (String connection : connections) {
            if (registered.add(connection)) {
                // The check reads the database: off the event loop, on one of a few threads of its own, so that
                // a report over many connections does not take every database connection of the pool at once.
                AsyncHealthCheck check = () -> Uni.createFrom().item(() -> check(connection)).runSubscriptionOn(checking);
                registry.register("vendor:" + connection, check);
            }
        }
        for (String gone : Set.copyOf(registered)) {
            if (!connections.contains(gone)) {
                registry.remove("vendor:" + gone);
                registered.remove(gone);
            }
        }
    }

    private HealthCheckResponse check(String connection) {
        try {
            return figures(connection);
        } catch (RuntimeException e) {
            // Named for its connection: SmallRye would name a failed check after the lambda's class.
            LOG.warnf(e, "The wellness check of connection %s failed", connection);
            return HealthCheckResponse.named("vendor:" + connection).down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private HealthCheckResponse figures(String connection) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("vendor:" + connection);
        return wellness.of(connection).map(found -> {
            response.status(found.up()).withData("vendor", found.vendor()).withData("credentials", found.credentials())
                    .withData("circuitOpen", found.circuitOpen()).withData("due", found.due())
                    .withData("running", found.running()).withData("dead", found.dead())
                    .withData("oldestDueSeconds", found.oldestDueSeconds());
            if (found.pausedUntil() != null) {
                response.withData("pausedUntil", found.pausedUntil().toString());
            }
            if (!found.problems().isEmpty()) {
                response.withData("problems", String.join("; ", found.problems()));
            }
            return response.build();
        }).orElseGet(() -> response.up().withData("removed", true).build());
    }
}
