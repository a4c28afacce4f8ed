package dev.patchbay.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded server together with the application (also on Ctrl-C and SIGTERM): last of all
 * shutdown observers, so that the job worker can still record the job it finishes.
 */
@ApplicationScoped
public class EmbeddedPostgresLifecycle {

    /** After every other shutdown observer (the job worker stops at 100, the default is 2500). */
    static final int STOPS_AT = Integer.MAX_VALUE - 100;

    void onStart(@Observes StartupEvent event) {
        EmbeddedPostgresServer.stopWithApplication();
    }

    void onStop(@Observes @Priority(STOPS_AT) ShutdownEvent event) {
        EmbeddedPostgresServer.stopRunning();
    }
}
