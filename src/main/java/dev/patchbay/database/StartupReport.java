package dev.patchbay.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** One log line that says where the data lives and where the gateway listens. */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    void onStart(@Observes StartupEvent event) {
        String data = EmbeddedPostgresServer.isRunning()
                ? "embedded PostgreSQL, data in " + EmbeddedPostgresServer.dataDirectory()
                : "external PostgreSQL at " + withoutCredentials(jdbcUrl);
        LOG.infof("Patchbay ready on HTTP port %d; database: %s", httpPort, data);
    }

    private static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
