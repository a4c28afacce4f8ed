package dev.patchbay.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the embedded server together with the application (also on Ctrl-C and SIGTERM). */
@ApplicationScoped
public class EmbeddedPostgresLifecycle {

    void onStart(@Observes StartupEvent event) {
        EmbeddedPostgresServer.stopWithApplication();
    }

    void onStop(@Observes ShutdownEvent event) {
        EmbeddedPostgresServer.stopRunning();
    }
}
