package dev.patchbay.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's {@code patchbay_credentials} channel, which triggers on every credential table
 * (and on connections) notify at commit (migration V100), and empties the {@link CredentialCache} of this
 * instance on each notification: a credential revoked on any instance stops working on all of them at once.
 * While the listening connection is down, the cache is off; it comes back, empty, once listening again.
 */
@ApplicationScoped
public class CredentialRevocations {

    static final String CHANNEL = "patchbay_credentials";
    private static final Logger LOG = Logger.getLogger(CredentialRevocations.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final AgroalDataSource dataSource;
    private final CredentialCache cache;
    private volatile boolean running;
    private Thread listener;

    public CredentialRevocations(AgroalDataSource dataSource, CredentialCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listenUntilStopped, "credential-revocations");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.interrupt();
            listener.join(2 * WAIT_MILLIS);
        }
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                cache.revocationsHeard(true);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidateAll();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.revocationsHeard(false);
                if (running) {
                    LOG.warnf("Not listening for credential revocations (%s); verified credentials are not cached"
                            + " until it works again", e.toString());
                    pause();
                }
            }
        }
        cache.revocationsHeard(false);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
