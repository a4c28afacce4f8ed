package dev.patchbay.job;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This gateway instance's presence in PostgreSQL: one session named {@link #applicationName()} held for the
 * life of the process. PostgreSQL ends the session the moment the process dies (kill -9 included), so
 * other instances can tell a dead instance's running jobs at once instead of waiting for their leases.
 * All instances must use the same database role: pg_stat_activity names only a role's own sessions.
 */
@ApplicationScoped
public class InstancePresence {

    static final String PREFIX = "patchbay-instance:";
    private static final Logger LOG = Logger.getLogger(InstancePresence.class);
    private static final long CHECK_MILLIS = 1_000;

    private final AgroalDataSource dataSource;
    private final String id = UUID.randomUUID().toString();
    private final Duration grace;
    private volatile boolean running;
    private Thread holder;

    /**
     * {@code grace}: after the database itself (re)started, instances get this long to come back before
     * their absence means death. An embedded database lives and dies with its only instance: no grace.
     */
    public InstancePresence(AgroalDataSource dataSource,
            @ConfigProperty(name = "patchbay.worker.presence-grace") Duration grace,
            @ConfigProperty(name = "patchbay.database.embedded", defaultValue = "false") boolean embedded) {
        this.dataSource = dataSource;
        this.grace = embedded ? Duration.ZERO : grace;
    }

    public String id() {
        return id;
    }

    String applicationName() {
        return PREFIX + id;
    }

    Duration grace() {
        return grace;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        holder = new Thread(this::holdUntilEnded, "patchbay-instance-presence");
        holder.setDaemon(true);
        holder.start();
    }

    /** Other instances may now take over this instance's running jobs. */
    void end() {
        running = false;
        if (holder != null) {
            try {
                holder.join(2 * CHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void holdUntilEnded() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set application_name = '" + applicationName() + "'");
                }
                while (running && connection.isValid(5)) {
                    pause();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset application_name");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("This instance's presence in the database is lost (%s); trying again", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CHECK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
