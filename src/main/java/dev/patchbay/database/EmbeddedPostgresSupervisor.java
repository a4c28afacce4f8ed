package dev.patchbay.database;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running: a server that died (killed, out of memory) is started again.
 * If it cannot be brought back within {@code patchbay.database.restart-grace}, liveness fails, so that
 * the process supervisor (systemd, Kubernetes) restarts the whole gateway.
 */
@Liveness
@ApplicationScoped
public class EmbeddedPostgresSupervisor implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresSupervisor.class);

    private final Duration restartGrace;
    private final Clock clock;
    private volatile Instant downSince;

    public EmbeddedPostgresSupervisor(@ConfigProperty(name = "patchbay.database.restart-grace") Duration restartGrace,
            Clock clock) {
        this.restartGrace = restartGrace;
        this.clock = clock;
    }

    @Scheduled(every = "${patchbay.database.supervise-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() {
        if (!EmbeddedPostgresServer.isRunning() || EmbeddedPostgresServer.isAlive()) {
            downSince = null;
            return;
        }
        if (downSince == null) {
            downSince = clock.instant();
        }
        try {
            EmbeddedPostgresServer.restartIfDead();
            LOG.infof("The embedded PostgreSQL runs again after %d s", Duration.between(downSince, clock.instant())
                    .toSeconds());
            downSince = null;
        } catch (RuntimeException e) {
            // Often the dead server's last backends still hold its shared memory for a moment: next round.
            LOG.warnf(e, "The embedded PostgreSQL could not be restarted yet: %s", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = downSince;
        boolean givenUp = since != null && Duration.between(since, clock.instant()).compareTo(restartGrace) > 0;
        return HealthCheckResponse.named("embedded-database-process").status(!givenUp)
                .withData("embedded", EmbeddedPostgresServer.isRunning())
                .withData("down", since == null ? "no" : "since " + since).build();
    }
}
